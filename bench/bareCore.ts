// The bare-core yardstick (`npm run bench -- bare`): the 5-node write workload of the `writes`
// scenario driven through src/raft alone, with the least loop that can run it — a heap of
// (time, order) events, each node's next wake-up, every message delivered after a latency drawn
// as the simulator draws it, no loss, a write every 100 virtual ms to the leader. No disks, no
// checkers, no digest, no record: what the core costs by itself, so the full simulator's price for
// everything around it reads as one ratio.
import type { Message, NodeId, PersistentState, RaftNode, RaftOptions } from '../src/raft';
import {
  CLIENT_ID,
  asNodeId,
  asTerm,
  createNode,
  deriveSeed,
  lastIndex,
  nextWakeAt,
  randomIntBetween,
  step,
} from '../src/raft';
import { DEFAULT_OPTIONS } from '../src/sim/options';

/** An event: a node's wake-up (message null) or a delivery, in (at, seq) order. */
interface Due {
  readonly at: number;
  readonly seq: number;
  readonly to: NodeId;
  readonly message: Message | null;
}

export interface BareRun {
  readonly virtualMs: number;
  /** Inputs stepped, the simulator's step events' counterpart. */
  readonly steps: number;
  readonly leaderLog: number;
}

/** `nodes` servers, a write every `everyMs`, for `seconds` virtual seconds, default options. */
export function bareCore(nodes: number, everyMs: number, seconds: number): BareRun {
  const o = DEFAULT_OPTIONS;
  const ids = Array.from({ length: nodes }, (_, i) => asNodeId(i + 1));
  const options: RaftOptions = {
    ids,
    electionTimeoutMs: o.electionTimeoutMs,
    heartbeatMs: o.heartbeatMs,
    maxEntriesPerAppend: o.maxEntriesPerAppend,
    preVote: o.preVote,
    checkQuorum: o.checkQuorum,
    rules: o.rules,
    snapshotEvery: o.snapshotEvery,
  };
  const disk: PersistentState = { currentTerm: asTerm(0), votedFor: null, log: [], snapshot: null };
  const node: RaftNode[] = [];
  const wake: number[] = [];
  const wakeSeq: number[] = [];
  for (const id of ids) node[id] = createNode(id, options, disk, deriveSeed(1, id * 1000 + 1), 0);

  const heap: Due[] = [];
  let seq = 0;
  let rng = deriveSeed(1, 0);
  const push = (e: Due) => {
    let i = heap.length;
    heap.push(e);
    while (i > 0) {
      const p = (i - 1) >> 1;
      const q = heap[p]!;
      if (q.at < e.at || (q.at === e.at && q.seq < e.seq)) break;
      heap[i] = q;
      i = p;
    }
    heap[i] = e;
  };
  const pop = (): Due => {
    const top = heap[0]!;
    const last = heap.pop()!;
    const n = heap.length;
    if (n === 0) return top;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      const r = heap[c + 1];
      if (r && (r.at < heap[c]!.at || (r.at === heap[c]!.at && r.seq < heap[c]!.seq))) c++;
      const child = heap[c]!;
      if (last.at < child.at || (last.at === child.at && last.seq < child.seq)) break;
      heap[i] = child;
      i = c;
    }
    heap[i] = last;
    return top;
  };
  const send = (m: Message, now: number) => {
    if (m.to === CLIENT_ID) return;
    const [latency, next] = randomIntBetween(rng, o.latencyMs[0], o.latencyMs[1]);
    rng = next;
    push({ at: now + latency, seq: seq++, to: m.to, message: m });
  };
  const setWake = (id: NodeId, now: number) => {
    const at = Math.max(nextWakeAt(node[id]!), now + 1);
    if (wake[id] === at) return;
    wake[id] = at;
    wakeSeq[id] = seq;
    push({ at, seq: seq++, to: id, message: null });
  };
  for (const id of ids) setWake(id, 0);

  const end = seconds * 1000;
  let steps = 0;
  let nextWrite = everyMs;
  let written = 0;
  while (heap.length > 0 && heap[0]!.at <= end) {
    const e = pop();
    const now = e.at;
    for (; nextWrite <= now; nextWrite += everyMs) {
      written++;
      const leader = ids.find((id) => node[id]!.role === 'leader') ?? ids[0]!;
      const command = { kind: 'set', key: `k${written % 100}`, value: `v${written}` } as const;
      send(
        {
          kind: 'ClientRequest',
          from: CLIENT_ID,
          to: leader,
          requestId: written,
          command,
          hops: 0,
        },
        nextWrite,
      );
    }
    if (e.message === null && wakeSeq[e.to] !== e.seq) continue; // a wake-up moved since
    const r = step(
      node[e.to]!,
      e.message === null ? { kind: 'tick', now } : { kind: 'message', now, message: e.message },
    );
    steps++;
    node[e.to] = r.node;
    for (const out of r.outputs) if (out.kind === 'send') send(out.message, now);
    setWake(e.to, now);
  }
  const leader = ids.find((id) => node[id]!.role === 'leader') ?? ids[0]!;
  return { virtualMs: end, steps, leaderLog: lastIndex(node[leader]!.log) };
}
