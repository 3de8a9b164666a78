// The lookahead planner (simulator layer): which node inputs of the next few milliseconds are
// already certain, so an asynchronous host can run a whole window of them in one round trip per
// node. It follows the dispatch's own rule (inputRule.ts) and changes nothing.
import type { Input, NodeId } from '../../raft';
import type { NodeBatch } from '../host';
import type { SimOptions } from '../options';
import type { InputContext } from './inputRule';
import { addresseeOf, inputOf, inputSeqOf } from './inputRule';

/** A window's end (inclusive) and every node input due in it, per node in (time, seq) order. */
export interface WindowPlan {
  readonly end: number;
  readonly batches: NodeBatch[];
}

/**
 * The smallest gap between an input and any node input it can cause: a message takes at least
 * the minimum latency, and a timer set by an input fires at least a heartbeat interval or a
 * minimum election timeout later. Inputs closer together than this cannot influence each other.
 * (A deadline set before the window, such as a CheckQuorum leader's second one, is planned too.)
 */
export function lookaheadMs(o: SimOptions): number {
  return Math.min(o.latencyMs[0], o.heartbeatMs, o.electionTimeoutMs[0]);
}

interface Planned {
  readonly at: number;
  readonly seq: number;
  readonly id: NodeId;
  readonly input: Input;
}

/**
 * Predicts every node input of the window that starts at the next event and lasts `lookaheadMs`
 * (capped at `until`). Nothing an input of the window causes can land inside it, so the dispatch
 * will hand out exactly these inputs, except ticks that an earlier input of the window made moot
 * (a no-op for the node). Null when nothing is due by `until` or there is no lookahead at all.
 */
export function planWindow(
  ctx: InputContext,
  options: SimOptions,
  until: number,
): WindowPlan | null {
  const top = ctx.schedule.peek();
  const horizon = lookaheadMs(options);
  if (!top || top.at > until || horizon < 1) return null;
  const end = Math.min(top.at + horizon - 1, until);
  const planned: Planned[] = [];
  for (const e of ctx.schedule.items()) {
    if (e.at > end) continue;
    const input = inputOf(e, ctx);
    if (typeof input === 'string' || input.now > end) continue;
    const id = addresseeOf(e);
    planned.push({ at: input.now, seq: inputSeqOf(e, ctx), id, input });
    if (input.kind === 'tick') {
      // The timer is set again only once this tick is handled, so its place comes after every
      // event queued now; what the tick itself sets lies a whole lookahead later, outside.
      const next = ctx.nextDeadlineAfter(id, input.now);
      if (next >= 0 && next <= end) {
        planned.push({ at: next, seq: Infinity, id, input: { kind: 'tick', now: next } });
      }
    }
  }
  planned.sort((a, b) => a.at - b.at || a.seq - b.seq);
  const byNode = new Map<NodeId, Input[]>();
  for (const p of planned) {
    const list = byNode.get(p.id);
    if (list) list.push(p.input);
    else byNode.set(p.id, [p.input]);
  }
  const batches = [...byNode].sort(([a], [b]) => a - b).map(([id, inputs]) => ({ id, inputs }));
  return { end, batches };
}
