// One trace event for every way the event log words an event (each branch of eventText.ts), one
// message of every name, a sample of every reason and finding, and a seeded run with every
// action: the material the 中文 tests render and hold to their rules.
import type { Finding, Message, Reason, Role, TraceEvent } from '../../../src/sim';
import { FINDING_CODES, REASON_CODES, createSimulation } from '../../../src/sim';

const brief = (role: Role, term = 2, commitIndex = 1, logLength = 2) => ({
  role,
  term,
  commitIndex,
  logLength,
});
const set = { kind: 'set', key: 'x', value: '1' } as const;
const entry = (term = 2) => ({ term, command: set });

/** Every message, one per name the reader sees (a heartbeat and a PreVote have their own). */
export const MESSAGES = [
  { kind: 'RequestVote', from: 2, to: 1, term: 3, lastLogIndex: 2, lastLogTerm: 1, preVote: false },
  { kind: 'RequestVote', from: 2, to: 1, term: 3, lastLogIndex: 2, lastLogTerm: 1, preVote: true },
  { kind: 'RequestVoteReply', from: 2, to: 1, term: 3, voteGranted: true, preVote: false },
  { kind: 'RequestVoteReply', from: 2, to: 1, term: 3, voteGranted: false, preVote: true },
  ...[[entry()], [entry(), entry()], []].map((entries) => ({
    kind: 'AppendEntries',
    from: 1,
    to: 2,
    term: 2,
    prevLogIndex: 1,
    prevLogTerm: 1,
    entries,
    leaderCommit: 1,
    knownMatchIndex: 1,
  })),
  ...[true, false].map((success) => ({
    kind: 'AppendEntriesReply',
    from: 2,
    to: 1,
    term: 2,
    success,
    index: 3,
    conflictTerm: 1,
    conflictIndex: 2,
    knownMatchIndex: 1,
  })),
  { kind: 'TimeoutNow', from: 1, to: 2, term: 3 },
  { kind: 'ClientRequest', from: 0, to: 2, requestId: 4, command: set, hops: 0 },
  { kind: 'ClientReply', from: 1, to: 0, requestId: 4, ok: true, index: 3, term: 2, error: '' },
  {
    kind: 'ClientReply',
    from: 2,
    to: 0,
    requestId: 5,
    ok: false,
    index: 0,
    term: 0,
    error: 'noLeaderKnown',
  },
] as unknown as readonly Message[];

const byKind = (kind: Message['kind'], n = 0) => MESSAGES.filter((m) => m.kind === kind)[n]!;

function step(
  message: Message | null,
  before: ReturnType<typeof brief>,
  after: ReturnType<typeof brief>,
  sent: readonly unknown[] = [],
): TraceEvent {
  const node = message?.to ?? 1;
  const input = message ? 'message' : 'timeout';
  return {
    kind: 'step',
    seq: 1,
    at: 10,
    node,
    input,
    message,
    before,
    after,
    sent,
  } as unknown as TraceEvent;
}

const reply = (voteGranted: boolean, preVote = false) => ({
  ...byKind('RequestVoteReply'),
  voteGranted,
  preVote,
});
const appendReply = (success: boolean) => ({ ...byKind('AppendEntriesReply'), success });

/** A membership request from the client to S1, the leader. */
const request = (command: object) =>
  ({ ...byKind('ClientRequest'), to: 1, command }) as unknown as Message;
const transfer = request({ kind: 'transferLeadership', to: 2 });
const refusal = (error: string) => ({
  ...byKind('ClientReply', 1),
  ok: false,
  index: 0,
  error,
});

/** Each way a server words TimeoutNow and a membership request (thesis ch. 4, §3.10). */
const MEMBERSHIP_STEPS: TraceEvent[] = [
  step(byKind('TimeoutNow'), brief('follower'), brief('candidate', 3)),
  step(byKind('TimeoutNow'), brief('follower'), brief('follower')),
  step(request({ kind: 'removeServer', id: 3 }), brief('leader'), brief('leader', 2, 1, 3)),
  step(transfer, brief('leader'), brief('leader'), [byKind('AppendEntries')]),
  step(transfer, brief('leader'), brief('leader'), [{ ...byKind('TimeoutNow'), to: 2 }]),
  step(request({ kind: 'addServer', id: 6, voter: true }), brief('leader'), brief('leader'), [
    refusal('changeInProgress'),
  ]),
];

/** Each branch of describeStep and describeChange once. */
const STEPS: TraceEvent[] = [
  step(null, brief('leader'), brief('leader')),
  step(null, brief('follower'), brief('candidate', 3)),
  step(null, brief('follower'), brief('precandidate')),
  step(null, brief('follower'), brief('leader', 3)),
  step(null, brief('follower'), brief('follower')),
  ...[false, true].flatMap((preVote) =>
    [true, false].map((granted) =>
      step({ ...byKind('RequestVote'), preVote } as Message, brief('follower'), brief('follower'), [
        reply(granted, preVote),
      ]),
    ),
  ),
  step(reply(true) as Message, brief('candidate'), brief('leader')),
  step(reply(true, true) as Message, brief('precandidate'), brief('candidate', 3)),
  step(reply(true) as Message, brief('candidate'), brief('candidate')),
  step(reply(false) as Message, brief('candidate'), brief('candidate')),
  step(byKind('AppendEntries'), brief('follower'), brief('follower'), [appendReply(false)]),
  step(byKind('AppendEntries', 2), brief('follower'), brief('follower', 3), [appendReply(true)]),
  step(byKind('AppendEntries', 0), brief('follower'), brief('follower', 2, 1, 3)),
  step(byKind('AppendEntries', 1), brief('follower'), brief('follower', 2, 2, 4)),
  step(appendReply(false) as Message, brief('leader'), brief('leader')),
  step(appendReply(true) as Message, brief('leader'), brief('leader', 2, 3)),
  step(appendReply(true) as Message, brief('leader'), brief('leader')),
  step(appendReply(true) as Message, brief('leader'), brief('follower', 4)),
  step(byKind('ClientRequest'), brief('leader'), brief('leader', 2, 1, 3)),
  step(byKind('ClientRequest'), brief('follower'), brief('follower'), [
    { ...byKind('ClientRequest'), from: 1, to: 3 },
  ]),
  step(byKind('ClientRequest'), brief('follower'), brief('follower')),
  step(byKind('ClientReply'), brief('follower'), brief('follower')),
  ...MEMBERSHIP_STEPS,
];

const LOST: TraceEvent[] = (['dropped', 'partitioned', 'receiver down'] as const).flatMap(
  (reason) => MESSAGES.map((message) => ({ kind: 'lost', seq: 2, at: 20, message, reason })),
) as unknown as TraceEvent[];

const client = (outcome: 'ok' | 'failed', by: number | null, failure: Reason | null) =>
  ({
    kind: 'client',
    seq: 3,
    at: 30,
    requestId: 1,
    outcome,
    detail: 'English detail for the trace line',
    index: outcome === 'ok' ? 2 : null,
    by,
    failure,
  }) as unknown as TraceEvent;

const CLIENT: TraceEvent[] = [
  client('ok', 1, null),
  client('ok', null, null),
  client('failed', null, { code: 'clientTimeout', ms: 400 }),
  client('failed', 2, { code: 'noLeaderKnown', node: 2 }),
  client('failed', null, null),
];

const FAULT = {
  kind: 'action',
  seq: 4,
  at: 40,
  action: 'fault',
  node: 3,
  text: 'S3 runtime failed: Worker threw',
  detail: { do: 'fault', node: 3, reason: { code: 'runtimeFailed', detail: 'Worker threw' } },
} as unknown as TraceEvent;

/** A seeded run with every action, a refused write, a timed-out one, losses of every kind. */
export function seededRun(): TraceEvent[] {
  const sim = createSimulation({ seed: 3, nodes: 5, clientTimeoutMs: 400, preVote: true });
  const events: TraceEvent[] = [];
  sim.subscribe((e) => void events.push(e));
  sim.runUntil((s) => s.leader() !== null, 3000);
  sim.write('x', '1');
  sim.remove('x', 2);
  sim.runFor(300);
  sim.cut(1, 2);
  sim.cutOneWay(3, 4);
  sim.restoreLink(1, 2);
  sim.setDropRate(0.25);
  sim.runFor(300);
  sim.setDropRate(0);
  sim.partition([
    [1, 2],
    [3, 4, 5],
  ]);
  sim.write('y', '2', 1);
  sim.runFor(600);
  sim.heal();
  sim.timeout(5);
  sim.crash(4);
  sim.runFor(200);
  sim.setDisk(4, { currentTerm: 0, votedFor: null, log: [] });
  sim.restart(4);
  sim.runFor(1000);
  membershipChanges(sim);
  return events;
}

/** Every membership action, each once: S6 joins as a voter, S7 as a learner, a transfer, the
 * leader removed, then a joint change of the voters. */
function membershipChanges(sim: ReturnType<typeof createSimulation>): void {
  sim.addServer();
  sim.runFor(600);
  sim.addServer({ voter: false });
  sim.runFor(400);
  const leader = sim.leader()!;
  sim.transferLeadership(leader === 1 ? 2 : 1);
  sim.runFor(600);
  sim.removeServer(sim.leader()!);
  sim.runFor(1500);
  sim.changeVoters(sim.configuration().voters.slice(0, 3));
  sim.runFor(1500);
}

/** Every event the log can word: each branch once, then a real seeded run. */
export function everyEvent(): TraceEvent[] {
  return [...STEPS, ...LOST, ...CLIENT, FAULT, ...seededRun()];
}

/** A sample value for each parameter a reason or finding carries (English where the simulator
 * gives English, to prove the Chinese sentence leaves it out). */
const SAMPLE: Record<string, string | number> = {
  node: 2,
  size: 5,
  value: '7',
  max: 64,
  name: 'key',
  nodes: 'S4, S5',
  detail: 'Worker threw: boom',
  option: 'nodes',
  ms: 400,
  term: 3,
  first: 1,
  second: 2,
  index: 4,
  committedTerm: 2,
  command: 'set x=1',
  other: 3,
  otherCommand: 'delete x',
  otherTerm: 2,
  request: 7,
  ackAt: 120,
  storedOn: 1,
  needed: 3,
  uses: '1,2,3→3,4,5',
  committed: '1,2,3',
};

export const REASONS: Reason[] = REASON_CODES.map((code) => ({ ...SAMPLE, code }));
export const FINDINGS: Finding[] = FINDING_CODES.map((code) => ({ ...SAMPLE, code }));
