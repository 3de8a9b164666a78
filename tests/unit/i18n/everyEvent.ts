// One trace event for every way the event log words an event (each branch of eventText.ts), one
// message of every name, a sample of every reason and finding, and seeded runs with every
// action — membership, snapshots, reads, sessions: the material the 中文 tests render and hold
// to their rules. Events whose words read the frame they produced come with it (AFTER): a read's
// answer, a duplicate's.
import type { Finding, Message, Reason, Role, TraceEvent } from '../../../src/sim';
import { FINDING_CODES, REASON_CODES, createSimulation } from '../../../src/sim';
import { FrameProjector } from '../../../src/store/frame';
import type { After } from '../../../src/ui/panels/eventText';

const brief = (role: Role, term = 2, commitIndex = 1, logLength = 2, snapshotIndex = 0) => ({
  role,
  term,
  commitIndex,
  logLength,
  snapshotIndex,
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
  // Snapshots (thesis §5), reads (§6.4) and sessions (§6.3).
  {
    kind: 'InstallSnapshot',
    from: 1,
    to: 3,
    term: 2,
    snapshot: { lastIncludedIndex: 120, lastIncludedTerm: 2, kv: [['x', '1']], sessions: [] },
    knownMatchIndex: 0,
    sentAt: 10,
  },
  { kind: 'ReadIndex', from: 3, to: 1, term: 2, requestId: 7 },
  ...[[1, 2, 3], [1]].map((confirmedBy) => ({
    kind: 'ReadIndexReply',
    from: 1,
    to: 3,
    term: 2,
    requestId: 7,
    index: 12,
    confirmedBy,
  })),
  {
    kind: 'ClientRequest',
    from: 0,
    to: 3,
    requestId: 7,
    command: { kind: 'read', key: 'x', mode: 'readIndex' },
    hops: 0,
  },
  {
    kind: 'ClientRequest',
    from: 0,
    to: 1,
    requestId: 8,
    command: { kind: 'append', key: 'x', value: 'a' },
    hops: 0,
    session: { client: 1, seq: 3 },
  },
  ...(['readIndex', 'lease', 'local'] as const).map((mode, i) => ({
    kind: 'ClientReply',
    from: 3,
    to: 0,
    requestId: 7,
    ok: true,
    index: 12,
    term: 2,
    error: '',
    value: i === 2 ? null : '1',
    proof: { mode, confirmedBy: mode === 'readIndex' ? [1, 2, 3] : [], leaseUntil: 200 },
  })),
  {
    kind: 'ClientReply',
    from: 1,
    to: 0,
    requestId: 8,
    ok: true,
    index: 14,
    term: 2,
    error: '',
    duplicate: true,
  },
  {
    kind: 'ClientReply',
    from: 1,
    to: 0,
    requestId: 7,
    ok: false,
    index: 0,
    term: 0,
    error: 'leadershipUnconfirmed',
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

const read = (mode: string, to = 1) =>
  ({ ...byKind('ClientRequest', 1), to, command: { kind: 'read', key: 'x', mode } }) as Message;
const readReply = (n: number) => ({ ...byKind('ClientReply', 2 + n), from: 1 });
const install = byKind('InstallSnapshot');

/** Each way a server words a snapshot, a read and a session's duplicate (thesis ch. 5, 6). */
const CONSISTENCY_STEPS: TraceEvent[] = [
  {
    ...(step(null, brief('leader', 2, 130, 130, 0), brief('leader', 2, 130, 130, 120)) as object),
    input: 'compact',
  } as TraceEvent,
  step(install, brief('follower', 2, 3, 3), brief('follower', 2, 120, 120, 120)),
  step(install, brief('follower', 2, 100, 125), brief('follower', 2, 120, 125, 120)),
  step(install, brief('follower', 2, 120, 121, 120), brief('follower', 2, 120, 121, 120)),
  step(byKind('ReadIndex'), brief('leader'), brief('leader')),
  step(byKind('ReadIndexReply'), brief('follower'), brief('follower')),
  step(byKind('ReadIndexReply', 1), brief('follower'), brief('follower')),
  ...[0, 1, 2].map((n) =>
    step(read(['readIndex', 'lease', 'local'][n]!), brief('leader'), brief('leader'), [
      readReply(n),
    ]),
  ),
  step(read('readIndex', 3), brief('follower'), brief('follower'), [
    { ...byKind('ReadIndex'), from: 3, to: 1 },
  ]),
  step(read('readIndex'), brief('leader'), brief('leader'), [byKind('AppendEntries', 2)]),
  step(byKind('ClientRequest', 2), brief('leader'), brief('leader'), [byKind('ClientReply', 5)]),
  step(read('lease'), brief('leader'), brief('leader'), [byKind('ClientReply', 6)]),
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
  ...CONSISTENCY_STEPS,
];

const LOST: TraceEvent[] = (
  ['dropped', 'partitioned', 'receiver down', 'dropped by hand'] as const
).flatMap((reason) =>
  MESSAGES.map((message) => ({ kind: 'lost', seq: 2, at: 20, message, reason })),
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

/** What the event log reads off the frame an event produced, for the events that need it. */
export const AFTER = new Map<TraceEvent, After>();

const readOk = {
  ...(client('ok', 3, null) as object),
  requestId: 7,
  request: 'read',
} as TraceEvent;
const duplicateOk = { ...(client('ok', 1, null) as object), requestId: 8 } as TraceEvent;
const readView = { id: 7, read: { value: '1' }, answeredAsDuplicate: false };
AFTER.set(readOk, { nodes: [], requests: [readView] } as unknown as After);
AFTER.set(duplicateOk, {
  nodes: [],
  requests: [{ id: 8, read: null, answeredAsDuplicate: true }],
} as unknown as After);
const action = (detail: object) =>
  ({
    kind: 'action',
    seq: 5,
    at: 50,
    action: 'x',
    node: 2,
    text: 'English',
    detail,
  }) as unknown as TraceEvent;
const restart = action({ do: 'restart', node: 2, term: 3, logLength: 140, snapshotIndex: 120 });

const CONSISTENCY_ACTIONS: TraceEvent[] = [
  readOk,
  { ...(readOk as object), requestId: 9 } as TraceEvent,
  duplicateOk,
  restart,
  action({ do: 'read', request: 7, key: 'x', mode: 'local', via: 3 }),
  action({ do: 'compact', node: 2, index: 120 }),
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

/**
 * A seeded run with snapshots, reads in every mode, appends, retries and a restart from a
 * snapshot (thesis ch. 5 and 6); each event's frame is kept in AFTER, as the event log has it.
 */
export function consistencyRun(): TraceEvent[] {
  const sim = createSimulation({
    seed: 4,
    nodes: 3,
    snapshotEvery: 4,
    clientRetryMs: 250,
    checkQuorum: true,
  });
  const projector = new FrameProjector();
  const events: TraceEvent[] = [];
  sim.subscribe((e) => {
    events.push(e);
    AFTER.set(e, projector.project(sim, e));
  });
  sim.runUntil((s) => s.leader() !== null, 3000);
  const leader = sim.leader()!;
  const follower = leader === 1 ? 2 : 1;
  for (let i = 0; i < 6; i++) sim.append('x', String(i));
  sim.runFor(400);
  sim.compact(follower);
  sim.read('x', { via: follower, mode: 'local' });
  sim.read('x', { via: follower });
  sim.read('x', { mode: 'lease' });
  sim.read('y');
  sim.runFor(400);
  sim.crash(follower);
  for (let i = 0; i < 6; i++) sim.write('y', String(i));
  sim.runFor(600);
  sim.restart(follower);
  sim.runFor(600);
  return events;
}

/**
 * A seeded run where a person touches messages: one held and released, one dropped, one copied,
 * every held one released at once, and manual delivery switched on and off (once with nothing
 * left held, once releasing what waits).
 */
export function touchRun(): TraceEvent[] {
  const sim = createSimulation({ seed: 2, nodes: 3 });
  const events: TraceEvent[] = [];
  sim.subscribe((e) => void events.push(e));
  sim.runUntil((s) => s.leader() !== null, 3000);
  sim.write('x', '1');
  const wire = () => sim.messagesInFlight().filter((f) => f.lostAt === null && !f.held);
  sim.holdMessage(wire()[0]!.id);
  sim.duplicateMessage(wire()[0]!.id);
  sim.dropMessage(wire()[0]!.id);
  sim.runFor(30);
  sim.releaseMessage(sim.messagesInFlight().find((f) => f.held)!.id);
  sim.holdMessage(wire()[0]!.id);
  sim.releaseAll();
  // Off with nothing held (all released first), then off releasing what waits.
  sim.setManualDelivery(true);
  sim.releaseAll();
  sim.setManualDelivery(false);
  sim.setManualDelivery(true);
  sim.runFor(30);
  sim.setManualDelivery(false);
  sim.runFor(100);
  return events;
}

/** Every event the log can word: each branch once, then the real seeded runs. */
export function everyEvent(): TraceEvent[] {
  return [
    ...STEPS,
    ...LOST,
    ...CLIENT,
    ...CONSISTENCY_ACTIONS,
    FAULT,
    ...seededRun(),
    ...consistencyRun(),
    ...touchRun(),
  ];
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
  key: 'x',
  expected: '"2"',
  missed: 5,
  missedAt: 480,
  invokedAt: 520,
  answeredAt: 540,
};

export const REASONS: Reason[] = REASON_CODES.map((code) => ({ ...SAMPLE, code }));
export const FINDINGS: Finding[] = FINDING_CODES.map((code) => ({ ...SAMPLE, code }));
