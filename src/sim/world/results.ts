// Applying one node input's result to the world (simulator layer): the disk writes, the sends,
// the applies, the checker hooks, and the step's fold into the trace digest. The event object
// itself is built only when someone will read it: the trace is kept, a listener listens, or a
// checker found a violation to describe.
import type { Input, Message, Role } from '../../raft';
import { applyCommand } from '../../raft';
import type { InputResult } from '../host';
import type { TraceEvent } from '../trace';
import { hashMessage, mixHash } from '../trace';
import type { NodeRecord } from './disks';
import { briefOf, writeLog } from './disks';
import type { World } from './world';

export function applyResult(
  world: World,
  record: NodeRecord,
  input: Input,
  result: InputResult,
): void {
  const id = record.id;
  const roleBefore = record.status?.role ?? 'follower';
  const termBefore = record.currentTerm;
  const commitBefore = record.status?.commitIndex ?? 0;
  const logBefore = record.logBase + record.log.length;
  const snapshotBefore = record.logBase;
  const { checks, clients } = world;
  const { outputs } = result;
  for (let i = 0; i < outputs.length; i++) {
    const out = outputs[i]!;
    if (out.kind === 'persist') {
      record.currentTerm = out.currentTerm;
      record.votedFor = out.votedFor;
      if (out.snapshot !== undefined) {
        // Installed from the leader (a restore follows) or compacted from its own log.
        const installed = outputs.some((o) => o.kind === 'restore');
        world.writeSnapshot(record, out.snapshot, out.entries, installed);
        clients.noteAppended(id, out.logFrom, out.entries);
        checks.afterLogWrite(id, out.logFrom);
      } else if (out.logFrom > 0) {
        writeLog(record, out.logFrom, out.entries);
        clients.noteAppended(id, out.logFrom, out.entries);
        checks.afterLogWrite(id, out.logFrom);
      }
    } else if (out.kind === 'send') {
      const m = out.message;
      // A leader's successful answer carries the configuration it counted, for the checkers.
      world.send(m, m.kind === 'ClientReply' && m.ok ? result.status.config : null);
      if (m.kind === 'ClientRequest') clients.noteForwarded(m.requestId, m.to);
    } else if (out.kind === 'restore') {
      // An installed snapshot (§5) replaces the state machine whole.
      record.kv = new Map(out.snapshot.kv);
    } else {
      // A duplicate (§6.3) leaves the keys as they are; the checkers still see the entry applied.
      if (!out.duplicate) applyCommand(record.kv, out.entry.command);
      clients.noteApplied(out.index, out.entry, out.duplicate);
      checks.afterApply(id, out.index, out.entry);
    }
  }
  const status = result.status;
  record.status = status;
  if (status.commitIndex > commitBefore) checks.afterCommit(id, commitBefore, status.commitIndex);
  const term = record.currentTerm;
  const becameLeader = status.role === 'leader' && (roleBefore !== 'leader' || termBefore !== term);
  checks.afterStep(id, becameLeader);

  // Node (bits 0–3), input kind (4–7) and role after (8–11) share one word.
  const head = id | (inputCode(input.kind) << 4) | (roleCode(status.role) << 8);
  let h = mixHash(mixHash(world.recorder.hash, world.now), head);
  if (input.kind === 'message') h = hashMessage(h, input.message);
  h = mixHash(mixHash(mixHash(h, term), status.commitIndex), record.logBase + record.log.length);
  for (let i = 0; i < outputs.length; i++) {
    const out = outputs[i]!;
    if (out.kind === 'send') h = hashMessage(h, out.message);
  }
  if (!checks.hasFindings && !world.recorder.wantsEvents) {
    world.recorder.count(h);
    return;
  }
  const before = briefOf(
    record.lastBrief,
    roleBefore,
    termBefore,
    commitBefore,
    logBefore,
    snapshotBefore,
  );
  const after = briefOf(
    before,
    status.role,
    term,
    status.commitIndex,
    record.logBase + record.log.length,
    record.logBase,
  );
  record.lastBrief = after;
  const event: TraceEvent = {
    kind: 'step',
    seq: world.recorder.eventCount,
    at: world.now,
    node: id,
    input: input.kind,
    message: input.kind === 'message' ? input.message : null,
    before,
    after,
    sent: sentIn(outputs),
  };
  world.recorder.record(event, h);
  checks.report(event, world.now);
}

const NO_MESSAGES: readonly Message[] = Object.freeze([]);

/** The messages a step sent, in a list of just their number (one shared list when none). */
function sentIn(outputs: InputResult['outputs']): readonly Message[] {
  let count = 0;
  for (const out of outputs) if (out.kind === 'send') count++;
  if (count === 0) return NO_MESSAGES;
  const sent = new Array<Message>(count);
  let i = 0;
  for (const out of outputs) if (out.kind === 'send') sent[i++] = out.message;
  return sent;
}

function roleCode(role: Role): number {
  return role === 'follower' ? 1 : role === 'precandidate' ? 2 : role === 'candidate' ? 3 : 4;
}

function inputCode(kind: Input['kind']): number {
  return kind === 'tick' ? 1 : kind === 'timeout' ? 2 : kind === 'message' ? 3 : 4;
}
