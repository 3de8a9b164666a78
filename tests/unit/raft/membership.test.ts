// Thesis tests for membership changes (Raft thesis chapter 4) and leadership transfer (§3.10) on
// the pure core: nodes are stepped by hand as harness.ts does, one `describe` per section and one
// `it` per claim. Configuration entries are written out in full so each log reads as the thesis draws it.
import { describe, expect, it } from 'vitest';
import type {
  AppendEntries,
  ClientCommand,
  ConfigChange,
  ConfigState,
  Entry,
  Message,
  Output,
  RaftNode,
  TimeoutNow,
} from '../../../src/raft';
import { asTerm, createNode, describeCommand, lastIndex, toArray } from '../../../src/raft';
import {
  S,
  appendEntries,
  appendOk,
  clientWrite,
  deliver,
  entry,
  exchange,
  fireTimeout,
  optionsFor,
  requestVote,
  sent,
  sentOf,
  sentences,
  tick,
  voteOf,
  voteReply,
} from './harness';

// ── Building configurations, entries and nodes ────────────────────────────────────────────

/** A configuration: voters (C_new when joint), with learners, C_old and joining learners. */
function conf(
  voters: number[],
  more: { learners?: number[]; old?: number[]; joining?: number[] } = {},
): ConfigState {
  return {
    voters: voters.map(S),
    learners: (more.learners ?? []).map(S),
    old: more.old ? more.old.map(S) : null,
    joining: (more.joining ?? []).map((id) => ({ id: S(id), requestId: null })),
  };
}

/** A configuration entry of `term`; the change only labels it (the configuration is what counts). */
function configEntry(term: number, config: ConfigState, change?: ConfigChange): Entry {
  const label: ConfigChange = change ?? (config.old ? { op: 'enterJoint' } : { op: 'leaveJoint' });
  return { term: asTerm(term), command: { kind: 'config', config, change: label } };
}

interface Boot {
  /** The voters the cluster was started with (the options' ids). */
  readonly ids?: number[];
  /** Default: the last entry's term. */
  readonly term?: number;
  readonly log?: readonly Entry[];
  readonly options?: Parameters<typeof optionsFor>[1];
}

/** Server `id` booted from a disk holding `log` (entries written out, configuration entries too). */
function boot(id: number, setup: Boot = {}): RaftNode {
  const ids = setup.ids ?? [1, 2, 3];
  const log = setup.log ?? [];
  const term = setup.term ?? Math.max(0, ...log.map((e) => e.term));
  return createNode(
    S(id),
    { ...optionsFor(ids.length, setup.options), ids: ids.map(S) },
    { currentTerm: asTerm(term), votedFor: null, log: [...log] },
    7,
    0,
  );
}

/** The voters a node counts, and C_old during a joint change: "1,2,3" or "1,2,3→3,4,5". */
function votersOf(node: RaftNode): string {
  const { voters, old } = node.config.state;
  return old === null ? voters.join(',') : `${old.join(',')}→${voters.join(',')}`;
}

/**
 * Makes `node` leader of its next term: its timer fires and every voter of the configuration it
 * uses grants at once (not the boot ids: the configuration may have changed since).
 */
function elect(node: RaftNode, now = 1000): RaftNode {
  let r = fireTimeout(node, now);
  for (const peer of r.node.config.electors) {
    if (r.node.role === 'leader') break;
    r = deliver(r.node, voteReply(peer, r.node.currentTerm, true, node.id), now);
  }
  if (r.node.role !== 'leader') throw new Error(`S${node.id} did not win its election`);
  return r.node;
}

/** `leader` after `from` acknowledged everything up to its last index; with the step's outputs. */
function acked(
  leader: RaftNode,
  from: number[],
  now = 1000,
): { node: RaftNode; outputs: Output[] } {
  let node = leader;
  const outputs: Output[] = [];
  for (const peer of from) {
    const r = deliver(node, appendOk(peer, node.currentTerm, lastIndex(node.log), node.id), now);
    node = r.node;
    outputs.push(...r.outputs);
  }
  return { node, outputs };
}

/** S1 leading {1,2,3} in term 2 with its no-op committed: ready to start a membership change. */
function readyLeader(options: Boot['options'] = {}): RaftNode {
  return acked(elect(boot(1, { term: 1, options })), [2, 3]).node;
}

/** A client's request to `to` (S1 by default): a membership change, a transfer or a command. */
function ask(requestId: number, command: ClientCommand, to = 1): Message {
  return { kind: 'ClientRequest', from: S(0), to: S(to), requestId, command, hops: 0 };
}

const addServer = (id: number, voter = true): ClientCommand => ({
  kind: 'addServer',
  id: S(id),
  voter,
});
const removeServer = (id: number): ClientCommand => ({ kind: 'removeServer', id: S(id) });
const changeVoters = (ids: number[]): ClientCommand => ({
  kind: 'changeVoters',
  voters: ids.map(S),
});
const transferTo = (id: number): ClientCommand => ({ kind: 'transferLeadership', to: S(id) });

/** The client's replies in these outputs, as "#7 ok" or "#7 changeInProgress". */
function replies(outputs: readonly Output[]): string[] {
  return sentOf(outputs, 'ClientReply').map(
    (m) => `#${m.requestId} ${m.ok ? 'ok' : m.error || 'failed'}`,
  );
}

/** The configuration entries of a log, as the trace words them: "+S4 learner", "S4 votes". */
function configChanges(node: RaftNode): string[] {
  return toArray(node.log)
    .filter((e) => e.command.kind === 'config')
    .map((e) => describeCommand(e.command));
}

/** An AppendEntries from `from` carrying these whole entries after `prev`. */
function appendWith(fields: {
  from: number;
  term: number;
  prev?: [number, number];
  entries: readonly Entry[];
  leaderCommit?: number;
  to?: number;
}): AppendEntries {
  return { ...appendEntries({ ...fields, entries: [] }), entries: fields.entries };
}

/** A client write in `term`, as harness.ts writes one. */
const put = (term: number): Entry => entry(term);

/** A message in a few words: "S1→S2 AppendEntries 2 entries", "S2→S1 vote granted". */
function describeDelivery(m: Message): string {
  const route = `S${m.from}→${m.to === 0 ? 'client' : `S${m.to}`}`;
  switch (m.kind) {
    case 'AppendEntries':
      return `${route} AppendEntries prev ${m.prevLogIndex}, ${m.entries.length} entries`;
    case 'AppendEntriesReply':
      return `${route} ${m.success ? `stored up to ${m.index}` : 'rejected'}`;
    case 'RequestVote':
      return `${route} RequestVote term ${m.term}${m.transfer ? ' (transfer)' : ''}`;
    case 'RequestVoteReply':
      return `${route} vote ${m.voteGranted ? 'granted' : 'refused'}`;
    case 'ClientReply':
      return `${route} #${m.requestId} ${m.ok ? 'ok' : m.error}`;
    default:
      return `${route} ${m.kind}`;
  }
}

/** `node` after its election timer fired by tick and by hand: did either make it stand? */
function standsWhenTimerFires(node: RaftNode): boolean {
  const ticked = tick(node, node.electionDeadline + 1);
  const fired = fireTimeout(node, node.electionDeadline + 1);
  return [ticked, fired].some(
    (r) => r.node.role !== 'follower' || sentOf(r.outputs, 'RequestVote').length > 0,
  );
}

// ── §4.1 ──────────────────────────────────────────────────────────────────────────────────

describe('§4.1 a server uses the latest configuration in its log, committed or not', () => {
  it('a follower uses a configuration entry as soon as it is appended, before it commits', () => {
    const follower = boot(2, { term: 1 });
    const r = deliver(
      follower,
      appendWith({ from: 1, to: 2, term: 1, entries: [configEntry(1, conf([1, 2, 3, 4]))] }),
      100,
    );
    expect(votersOf(r.node)).toBe('1,2,3,4');
    expect(r.node.configIndex).toBe(1);
    expect(r.node.commitIndex).toBe(0);
  });

  it('a server booting from its disk uses the latest configuration entry there, committed or not', () => {
    const node = boot(2, {
      log: [
        put(1),
        configEntry(1, conf([1, 2, 3, 4])),
        put(1),
        configEntry(1, conf([1, 2, 4])),
        put(1),
      ],
    });
    expect(votersOf(node)).toBe('1,2,4');
    expect(node.configIndex).toBe(4);
    expect(node.commitIndex).toBe(0);
  });

  it('a server whose log holds no configuration entry uses the voters it was started with', () => {
    const node = boot(2, { ids: [1, 2, 3, 4, 5], log: [put(1), put(1)] });
    expect(votersOf(node)).toBe('1,2,3,4,5');
    expect(node.configIndex).toBe(0);
  });

  it('when a leader overwrites an uncommitted configuration entry, the follower goes back to the one before it', () => {
    const follower = boot(2, {
      term: 1,
      log: [configEntry(1, conf([1, 2, 3, 4])), configEntry(1, conf([1, 2, 3, 4, 5]))],
    });
    expect(votersOf(follower)).toBe('1,2,3,4,5');
    // S3, leader of term 2, never had entry 2: it overwrites it with an entry of its own.
    const cut = deliver(
      follower,
      appendWith({ from: 3, to: 2, term: 2, prev: [1, 1], entries: [put(2)] }),
      100,
    ).node;
    expect([votersOf(cut), cut.configIndex]).toEqual(['1,2,3,4', 1]);
    // S1, leader of term 3, never had entry 1 either: back to the voters the cluster started with.
    const cutAgain = deliver(
      cut,
      appendWith({ from: 1, to: 2, term: 3, prev: [0, 0], entries: [put(3)] }),
      200,
    ).node;
    expect([votersOf(cutAgain), cutAgain.configIndex]).toEqual(['1,2,3', 0]);
  });

  it('a leader uses the configuration it appends at once, and starts feeding the new member', () => {
    const r = deliver(readyLeader(), ask(7, addServer(4, false)), 1000);
    expect(r.node.config.state.learners).toEqual([4]);
    expect(r.node.commitIndex).toBe(1);
    expect(r.node.progress[4]).toBeDefined();
    expect(sentOf(r.outputs, 'AppendEntries').map((m) => m.to)).toContain(4);
  });
});

describe('§4.1 majorities, elections, commitment and CheckQuorum count the voters of the configuration in use', () => {
  it('a candidate whose log adds S4 and S5 asks them too, and needs three votes of five', () => {
    // Started as {1,2,3}: by the boot ids S2's vote alone would elect it.
    const candidate = fireTimeout(
      boot(1, { term: 1, log: [configEntry(1, conf([1, 2, 3, 4, 5]))] }),
      1000,
    );
    expect(sentOf(candidate.outputs, 'RequestVote').map((m) => m.to)).toEqual([2, 3, 4, 5]);
    const one = deliver(candidate.node, voteReply(2, 2), 1000).node;
    expect(one.role).toBe('candidate');
    expect(deliver(one, voteReply(3, 2), 1000).node.role).toBe('leader');
  });

  it('a candidate whose log removed S3 does not ask S3, and wins on S2’s vote alone', () => {
    const candidate = fireTimeout(boot(1, { term: 1, log: [configEntry(1, conf([1, 2]))] }), 1000);
    expect(sentOf(candidate.outputs, 'RequestVote').map((m) => m.to)).toEqual([2]);
    expect(deliver(candidate.node, voteReply(2, 2), 1000).node.role).toBe('leader');
  });

  it('a leader of five voters commits only once three of them store the entry', () => {
    const leader = elect(boot(1, { term: 1, log: [configEntry(1, conf([1, 2, 3, 4, 5]))] }));
    const two = acked(leader, [2]).node;
    expect(two.commitIndex).toBe(0);
    expect(acked(two, [3]).node.commitIndex).toBe(2);
  });

  it.each(
    sentences([
      {
        says: 'with five voters, a leader that heard from two of them stays',
        log: [configEntry(1, conf([1, 2, 3, 4, 5]))],
        heard: [2, 3],
        role: 'leader',
      },
      {
        says: 'with five voters, a leader that heard from one of them steps down',
        log: [configEntry(1, conf([1, 2, 3, 4, 5]))],
        heard: [2],
        role: 'follower',
      },
      {
        says: 'a leader that heard only from its two learners steps down',
        log: [configEntry(1, conf([1, 2, 3], { learners: [4, 5] }))],
        heard: [4, 5],
        role: 'follower',
      },
    ]),
  )('CheckQuorum: %s', (_says, { log, heard, role }) => {
    const leader = elect(boot(1, { term: 1, log, options: { checkQuorum: true } }));
    const heardFrom = acked(leader, heard).node;
    expect(tick(heardFrom, heardFrom.checkQuorumDeadline).node.role).toBe(role);
  });
});

describe('§4.1 one change at a time', () => {
  it('a second change is refused with changeInProgress until the first is committed', () => {
    const first = deliver(readyLeader(), ask(7, addServer(4, false)), 1000).node;
    const second = deliver(first, ask(8, removeServer(3)), 1000);
    expect(replies(second.outputs)).toEqual(['#8 changeInProgress']);
    expect(second.node.log).toBe(first.log);
    const committed = acked(second.node, [2, 3]);
    expect(replies(committed.outputs)).toEqual(['#7 ok']);
    const again = deliver(committed.node, ask(9, removeServer(3)), 1000);
    expect(replies(again.outputs)).toEqual([]);
    expect(configChanges(again.node)).toEqual(['config +S4 learner', 'config −S3']);
  });

  it('a new leader refuses a change until it has committed an entry of its own term', () => {
    const fresh = elect(boot(1, { term: 1 }));
    expect(replies(deliver(fresh, ask(7, addServer(4)), 1000).outputs)).toEqual([
      '#7 changeInProgress',
    ]);
    const noopCommitted = acked(fresh, [2]).node;
    const r = deliver(noopCommitted, ask(8, addServer(4)), 1000);
    expect(replies(r.outputs)).toEqual([]);
    expect(configChanges(r.node)).toEqual(['config +S4 learner']);
  });

  it('a new leader holding an uncommitted change of an earlier term refuses another until its own entry commits', () => {
    // S1 won term 2 with S2's entry 1 (C = {1,2,3,4}) uncommitted; a change on top could split majorities.
    const leader = elect(boot(1, { term: 1, log: [configEntry(1, conf([1, 2, 3, 4]))] }));
    expect(replies(deliver(leader, ask(7, removeServer(4)), 1000).outputs)).toEqual([
      '#7 changeInProgress',
    ]);
    const committed = acked(leader, [2, 3]).node;
    expect(committed.commitIndex).toBe(2);
    expect(replies(deliver(committed, ask(8, removeServer(4)), 1000).outputs)).toEqual([]);
  });

  it('with the rule oneChangeAtATime switched off, a second change is appended before the first commits', () => {
    const off = readyLeader({ rules: { oneChangeAtATime: false } });
    const first = deliver(off, ask(7, addServer(4, false)), 1000).node;
    const second = deliver(first, ask(8, removeServer(3)), 1000);
    expect(replies(second.outputs)).toEqual([]);
    expect(configChanges(second.node)).toEqual(['config +S4 learner', 'config −S3']);
    expect(votersOf(second.node)).toBe('1,2');
  });

  it('a joint configuration must be left before another change starts, even with the rule switched off', () => {
    const off = readyLeader({ rules: { oneChangeAtATime: false } });
    const learner = acked(deliver(off, ask(7, addServer(4, false)), 1000).node, [4]).node;
    const joint = deliver(learner, ask(8, changeVoters([1, 2, 4])), 1000).node;
    expect(votersOf(joint)).toBe('1,2,3→1,2,4');
    expect(replies(deliver(joint, ask(9, addServer(5)), 1000).outputs)).toEqual([
      '#9 changeInProgress',
    ]);
  });
});

// ── §4.2 ──────────────────────────────────────────────────────────────────────────────────

describe('§4.2.1 new servers join as learners: they receive the log, never count, and are promoted once caught up', () => {
  it('a learner with an empty disk receives the whole log from the leader', () => {
    const leader = deliver(readyLeader(), clientWrite(5, 'x', '1'), 1000).node;
    const r = deliver(leader, ask(7, addServer(4, false)), 1000);
    const nodes = {
      1: r.node,
      2: boot(2, { term: 2 }),
      3: boot(3, { term: 2 }),
      4: boot(4, { ids: [] }),
    };
    const after = exchange(nodes, sent(r.outputs), 1000).nodes;
    expect(toArray(after[4]!.log)).toEqual(toArray(after[1]!.log));
    expect(after[4]!.config.state.learners).toEqual([4]);
    expect(after[4]!.config.selfVotes).toBe(false);
  });

  it('a learner removed before its promotion: the request that added it is refused, not left to time out', () => {
    const added = deliver(readyLeader(), ask(7, addServer(4)), 1000).node;
    // The learner entry commits on S2 and S3; S4 has not caught up, so it is still joining.
    const committed = acked(added, [2, 3]).node;
    expect(committed.config.state.joining.map((j) => j.id)).toEqual([4]);
    const r = deliver(committed, ask(8, removeServer(4)), 1000);
    expect(replies(r.outputs)).toEqual(['#7 removedWhileJoining']);
    expect(r.node.config.state.joining).toEqual([]);
  });

  it('a learner’s replica does not count towards commitment', () => {
    const leader = deliver(readyLeader(), ask(7, addServer(4, false)), 1000).node;
    const byLearner = acked(leader, [4]).node;
    expect(byLearner.commitIndex).toBe(1);
    expect(acked(byLearner, [2]).node.commitIndex).toBe(2);
  });

  it('a candidate neither asks learners for their votes nor counts them', () => {
    const candidate = fireTimeout(
      boot(1, { term: 1, log: [configEntry(1, conf([1, 2, 3], { learners: [4, 5] }))] }),
      1000,
    );
    expect(sentOf(candidate.outputs, 'RequestVote').map((m) => m.to)).toEqual([2, 3]);
    const learnersGranted = [4, 5].reduce(
      (node, from) => deliver(node, voteReply(from, 2), 1000).node,
      candidate.node,
    );
    expect(learnersGranted.role).toBe('candidate');
    expect(deliver(learnersGranted, voteReply(2, 2), 1000).node.role).toBe('leader');
  });

  it('a server added as a voter is promoted only once it holds everything committed, and the client hears back then', () => {
    let leader = deliver(readyLeader(), ask(7, addServer(4, true)), 1000).node;
    expect(configChanges(leader)).toEqual(['config +S4 learner']);
    const learnerCommitted = acked(leader, [2, 3]);
    expect(learnerCommitted.node.commitIndex).toBe(2);
    expect(replies(learnerCommitted.outputs)).toEqual([]); // its request waits for the promotion
    leader = learnerCommitted.node;
    const heartbeat = (n: RaftNode) => tick(n, n.heartbeatDeadline).node;
    // S4 holds nothing yet, then only entry 1 of the two committed: no promotion.
    leader = heartbeat(leader);
    expect(configChanges(leader)).toEqual(['config +S4 learner']);
    leader = heartbeat(deliver(leader, appendOk(4, 2, 1), 1100).node);
    expect(configChanges(leader)).toEqual(['config +S4 learner']);
    // S4 holds everything committed: it becomes a voter at the next heartbeat.
    leader = heartbeat(deliver(leader, appendOk(4, 2, 2), 1200).node);
    expect(configChanges(leader)).toEqual(['config +S4 learner', 'config S4 votes']);
    expect(votersOf(leader)).toBe('1,2,3,4');
    expect(leader.config.state.learners).toEqual([]);
    const promoted = acked(leader, [2, 4], leader.heartbeatDeadline);
    expect(replies(promoted.outputs)).toEqual(['#7 ok']);
  });

  it('a server added as a learner stays one, and the client hears back once its entry commits', () => {
    const leader = deliver(readyLeader(), ask(7, addServer(4, false)), 1000).node;
    const committed = acked(leader, [2, 3, 4]);
    expect(replies(committed.outputs)).toEqual(['#7 ok']);
    const later = tick(committed.node, committed.node.heartbeatDeadline).node;
    expect(configChanges(later)).toEqual(['config +S4 learner']);
    expect(votersOf(later)).toBe('1,2,3');
  });
});

describe('§4.2.2 removing the current leader', () => {
  it('a leader removing itself goes on replicating without counting itself, until the removal commits', () => {
    const r = deliver(readyLeader(), ask(7, removeServer(1)), 1000);
    expect(votersOf(r.node)).toBe('2,3');
    expect(r.node.role).toBe('leader');
    expect(sentOf(r.outputs, 'AppendEntries').map((m) => m.to)).toEqual([2, 3]);
    // S1 and S2 are a majority of {1,2,3}, but S1 no longer counts: {2,3} needs both.
    const one = acked(r.node, [2]);
    expect([one.node.commitIndex, one.node.role]).toEqual([1, 'leader']);
    const both = acked(one.node, [3]);
    expect(both.node.commitIndex).toBe(2);
    expect(replies(both.outputs)).toEqual(['#7 ok']);
  });

  it('a leader removing itself stays leader while entries before the removal commit', () => {
    const wrote = deliver(readyLeader(), clientWrite(5, 'x', '1'), 1000).node;
    const removing = deliver(wrote, ask(7, removeServer(1)), 1000).node;
    // S2 and S3 store the write (index 2) but not yet the removal (index 3).
    const s2 = deliver(removing, appendOk(2, 2, 2), 1000);
    const r = deliver(s2.node, appendOk(3, 2, 2), 1000);
    expect([r.node.commitIndex, r.node.role]).toEqual([2, 'leader']);
    expect(replies([...s2.outputs, ...r.outputs])).toEqual(['#5 ok']);
  });

  it('once its removal commits, the leader steps down and, knowing it was removed, never stands again', () => {
    const removed = acked(deliver(readyLeader(), ask(7, removeServer(1)), 1000).node, [2, 3]).node;
    expect(removed.role).toBe('follower');
    expect(removed.currentTerm).toBe(2);
    expect(standsWhenTimerFires(removed)).toBe(false);
  });
});

describe('§4.2.3 servers outside the configuration cannot disrupt it', () => {
  it.each(
    sentences([
      {
        says: 'a learner whose election timer fires does not campaign',
        node: () => boot(4, { ids: [], log: [configEntry(1, conf([1, 2, 3], { learners: [4] }))] }),
      },
      {
        says: 'a server just added, whose log holds no configuration yet, does not campaign',
        node: () => boot(4, { ids: [] }),
      },
    ]),
  )('%s', (_says, { node }) => {
    expect(standsWhenTimerFires(node())).toBe(false);
  });

  it('a voter whose election timer fires does campaign (the check above can fail)', () => {
    expect(standsWhenTimerFires(boot(2, { term: 1 }))).toBe(true);
  });

  /** S2 using `config`, having just heard from its leader S1 (term 1). */
  const hearingLeader = (config: ConfigState): RaftNode =>
    deliver(
      boot(2, { term: 1, log: [configEntry(1, config)] }),
      appendEntries({ from: 1, to: 2, term: 1, prev: [1, 1], leaderCommit: 1 }),
      1000,
    ).node;

  it.each(
    sentences([
      {
        says: 'a vote request from a removed server gets no vote and moves no term',
        config: conf([1, 2]),
        from: 3,
        preVote: false,
      },
      {
        says: 'a pre-vote request from a removed server gets no vote either',
        config: conf([1, 2]),
        from: 3,
        preVote: true,
      },
      {
        says: 'a vote request from a learner gets no vote and moves no term',
        config: conf([1, 2, 3], { learners: [4] }),
        from: 4,
        preVote: false,
      },
    ]),
  )('while the voter hears from its leader, %s', (_says, { config, from, preVote }) => {
    const voter = hearingLeader(config);
    const r = deliver(
      voter,
      requestVote({ from, to: 2, term: 5, lastLogIndex: 9, lastLogTerm: 1, preVote }),
      1010,
    );
    expect(voteOf(r.outputs)?.voteGranted ?? false).toBe(false);
    expect(r.node.currentTerm).toBe(1);
  });

  it('a vote request from a voter, with no leader heard from, gets the vote (the check above can fail)', () => {
    const voter = boot(2, { term: 1, log: [configEntry(1, conf([1, 2]))] });
    const r = deliver(
      voter,
      requestVote({ from: 1, to: 2, term: 5, lastLogIndex: 9, lastLogTerm: 1 }),
      100,
    );
    expect(voteOf(r.outputs)).toMatchObject({ voteGranted: true, term: 5 });
  });
});

// ── §4.3 ──────────────────────────────────────────────────────────────────────────────────

/** The joint configuration {1,2,3} → {3,4,5}: S3 is in both halves. */
const JOINT = conf([3, 4, 5], { old: [1, 2, 3] });

describe('§4.3 joint consensus: C_old,new needs both majorities, then C_new follows', () => {
  it.each(
    sentences([
      { says: 'the votes of C_new alone do not elect S3', grants: [4, 5], role: 'candidate' },
      { says: 'the votes of C_old alone do not elect S3', grants: [1, 2], role: 'candidate' },
      { says: 'a majority of each half elects S3', grants: [1, 4], role: 'leader' },
    ]),
  )('%s', (_says, { grants, role }) => {
    const candidate = fireTimeout(boot(3, { term: 1, log: [configEntry(1, JOINT)] }), 1000);
    expect(sentOf(candidate.outputs, 'RequestVote').map((m) => m.to)).toEqual([1, 2, 4, 5]);
    const after = grants.reduce(
      (node, from) => deliver(node, voteReply(from, 2, true, 3), 1000).node,
      candidate.node,
    );
    expect(after.role).toBe(role);
  });

  it.each(
    sentences([
      { says: 'stored on S1 and S2 (C_old’s majority only): not committed', acks: [2], commit: 0 },
      {
        says: 'stored on S1, S4 and S5 (C_new’s majority only): not committed',
        acks: [4, 5],
        commit: 0,
      },
      {
        says: 'stored on S1, S2 and S4: not committed (C_new has one of three)',
        acks: [2, 4],
        commit: 0,
      },
      {
        says: 'stored on S1, S3 and S4: committed (S3 counts in both halves)',
        acks: [3, 4],
        commit: 2,
      },
      { says: 'stored on S1, S2, S4 and S5: committed', acks: [2, 4, 5], commit: 2 },
    ]),
  )('leader S1 of {1,2,3}→{3,4,5}, its no-op %s', (_says, { acks, commit }) => {
    const leader = elect(boot(1, { term: 1, log: [configEntry(1, JOINT)] }));
    expect(acked(leader, acks).node.commitIndex).toBe(commit);
  });

  it('a learner named as a new voter must have caught up first (§4.2.1): else notCaughtUp', () => {
    const start = elect(
      boot(1, { term: 1, log: [configEntry(1, conf([1, 2, 3], { learners: [4] }))] }),
    );
    const leader = acked(start, [2, 3]).node;
    const r = deliver(leader, ask(7, changeVoters([1, 2, 4])), 1000);
    expect(replies(r.outputs)).toEqual(['#7 notCaughtUp']);
    expect(votersOf(r.node)).toBe('1,2,3');
    const caughtUp = acked(leader, [4]).node;
    expect(votersOf(deliver(caughtUp, ask(7, changeVoters([1, 2, 4])), 1000).node)).toBe(
      '1,2,3→1,2,4',
    );
  });

  it('once C_old,new commits the leader appends C_new on its own, and the client hears back when C_new commits', () => {
    const start = elect(
      boot(1, { term: 1, log: [configEntry(1, conf([1, 2, 3], { learners: [4, 5] }))] }),
    );
    let leader = acked(start, [2, 3, 4, 5]).node;
    const r = deliver(leader, ask(7, changeVoters([1, 4, 5])), 1000);
    expect(votersOf(r.node)).toBe('1,2,3→1,4,5');
    expect(replies(r.outputs)).toEqual([]);
    // C_old's majority is not enough; with S4 C_new has one too, and C_old,new commits.
    const oldOnly = acked(r.node, [2, 3]);
    expect(oldOnly.node.commitIndex).toBe(2);
    // A heartbeat while C_old,new is uncommitted leaves it in place.
    const waiting = tick(oldOnly.node, oldOnly.node.heartbeatDeadline).node;
    expect(votersOf(waiting)).toBe('1,2,3→1,4,5');
    const joint = acked(waiting, [4]);
    expect(joint.node.commitIndex).toBe(3);
    expect(replies(joint.outputs)).toEqual([]); // a joint entry answers no one
    const beat = tick(joint.node, joint.node.heartbeatDeadline);
    leader = beat.node;
    expect(configChanges(leader).slice(1)).toEqual([
      'config joint {1,2,3}→{1,4,5}',
      'config {1,4,5}',
    ]);
    expect(votersOf(leader)).toBe('1,4,5');
    expect(sentOf(beat.outputs, 'AppendEntries').map((m) => m.to)).toEqual([4, 5]);
    const done = acked(leader, [4], leader.heartbeatDeadline);
    expect(done.node.commitIndex).toBe(4);
    expect(replies(done.outputs)).toEqual(['#7 ok']);
  });

  it('a leader that is not in C_new counts itself only in C_old, and steps down once C_new commits', () => {
    const start = elect(
      boot(1, { term: 1, log: [configEntry(1, conf([1, 2, 3], { learners: [4] }))] }),
    );
    const joint = acked(
      deliver(acked(start, [2, 3, 4]).node, ask(7, changeVoters([2, 3, 4])), 1000).node,
      [2, 3, 4],
    ).node;
    expect(joint.commitIndex).toBe(3);
    const leaving = tick(joint, joint.heartbeatDeadline).node;
    expect([votersOf(leaving), leaving.role, leaving.config.selfVotes]).toEqual([
      '2,3,4',
      'leader',
      false,
    ]);
    const one = acked(leaving, [2], leaving.heartbeatDeadline).node;
    expect([one.commitIndex, one.role]).toEqual([3, 'leader']);
    const two = acked(one, [3], leaving.heartbeatDeadline).node;
    expect([two.commitIndex, two.role]).toEqual([4, 'follower']);
  });
});

// ── §3.10 ─────────────────────────────────────────────────────────────────────────────────

/** S1 leading {1,2,3} with `x=1` at index 2 stored on S3 only: S2 lags one entry behind. */
function leaderWithLaggingS2(options: Boot['options'] = {}): RaftNode {
  const wrote = deliver(readyLeader(options), clientWrite(5, 'x', '1'), 1000).node;
  return acked(wrote, [3]).node;
}

const timeoutNow = (term: number, to = 2, from = 1): TimeoutNow => ({
  kind: 'TimeoutNow',
  from: S(from),
  to: S(to),
  term: asTerm(term),
});

describe('§3.10 leadership transfer', () => {
  it('a leader handing over refuses client writes and membership changes with transferring', () => {
    const handing = deliver(leaderWithLaggingS2(), ask(7, transferTo(2)), 1000).node;
    expect(handing.transfer).toMatchObject({ to: 2, sent: false });
    const write = deliver(handing, clientWrite(8, 'y', '2'), 1000);
    const change = deliver(handing, ask(9, addServer(4)), 1000);
    expect([...replies(write.outputs), ...replies(change.outputs)]).toEqual([
      '#8 transferring',
      '#9 transferring',
    ]);
    expect(write.node.log).toBe(handing.log);
  });

  it('the leader sends TimeoutNow only once the target holds its whole log, and the client hears back then', () => {
    const started = deliver(leaderWithLaggingS2(), ask(7, transferTo(2)), 1000);
    expect(sentOf(started.outputs, 'TimeoutNow')).toEqual([]);
    expect(replies(started.outputs)).toEqual([]);
    const caughtUp = deliver(started.node, appendOk(2, 2, 2), 1010);
    expect(sentOf(caughtUp.outputs, 'TimeoutNow')).toEqual([timeoutNow(2)]);
    expect(replies(caughtUp.outputs)).toEqual(['#7 ok']);
  });

  it('a target the entry never reached is brought up to date by the leader, stands on TimeoutNow and wins', () => {
    const leader = readyLeader();
    const wrote = deliver(leader, clientWrite(5, 'x', '1'), 1000);
    // The entry's AppendEntries to S2 is lost; S3 stores it and the write commits.
    const followers = {
      1: wrote.node,
      2: boot(2, { term: 2, log: [entry(2, { kind: 'noop' })] }),
      3: boot(3, { term: 2, log: [entry(2, { kind: 'noop' })] }),
    };
    const nodes = exchange(followers, sent(wrote.outputs), 1000, (m) => m.to !== 2).nodes;
    const started = deliver(nodes[1]!, ask(7, transferTo(2)), 1010);
    const now = started.node.heartbeatDeadline;
    const beat = tick(started.node, now);
    const after = exchange({ ...nodes, 1: beat.node }, sent(beat.outputs), now);
    expect(after.delivered.map(describeDelivery)).toEqual([
      'S1→S2 AppendEntries prev 2, 0 entries',
      'S1→S3 AppendEntries prev 2, 0 entries',
      'S2→S1 rejected', // S2 lacks entry 2: the leader backs off and sends it
      'S3→S1 stored up to 2',
      'S1→S2 AppendEntries prev 1, 1 entries',
      'S2→S1 stored up to 2', // now S2 holds the leader's whole log
      'S1→S2 TimeoutNow',
      'S2→S1 RequestVote term 3 (transfer)',
      'S2→S3 RequestVote term 3 (transfer)',
      'S1→S2 vote granted',
      'S3→S2 vote granted',
      'S2→S1 AppendEntries prev 2, 1 entries',
      'S2→S3 AppendEntries prev 2, 1 entries',
      'S1→S2 stored up to 3',
      'S3→S2 stored up to 3',
    ]);
    expect([after.nodes[2]!.role, after.nodes[2]!.currentTerm]).toEqual(['leader', 3]);
    expect(after.nodes[1]!.role).toBe('follower');
    expect(after.toClient.map(describeDelivery)).toEqual(['S1→client #7 ok']);
  });

  it('the target stands at once in a new term, without a pre-vote even with PreVote on', () => {
    const follower = boot(2, { term: 2, log: [put(1), put(2)], options: { preVote: true } });
    const r = deliver(follower, timeoutNow(2), 1000);
    expect([r.node.role, r.node.currentTerm]).toEqual(['candidate', 3]);
    expect(
      sentOf(r.outputs, 'RequestVote').map((m) => [m.to, m.term, m.preVote, m.transfer]),
    ).toEqual([
      [1, 3, false, true],
      [3, 3, false, true],
    ]);
    // Its own timer would only have made it a pre-candidate.
    expect(fireTimeout(follower, 1000).node.role).toBe('precandidate');
  });

  it('a voter answers the target’s RequestVote even inside CheckQuorum’s lease, which stops any other', () => {
    const heard = deliver(
      boot(3, { term: 2, options: { checkQuorum: true } }),
      appendEntries({ from: 1, to: 3, term: 2 }),
      1000,
    ).node;
    const plain = requestVote({ from: 2, to: 3, term: 3 });
    expect(deliver(heard, plain, 1010).outputs).toEqual([]);
    const r = deliver(heard, { ...plain, transfer: true }, 1010);
    expect(voteOf(r.outputs)).toMatchObject({ voteGranted: true, term: 3 });
  });

  it.each(
    sentences([
      {
        says: 'a TimeoutNow of an older term is ignored',
        node: () => boot(2, { term: 3 }),
        term: 2,
      },
      {
        says: 'a learner ignores TimeoutNow',
        node: () =>
          boot(4, { ids: [], term: 2, log: [configEntry(1, conf([1, 2, 3], { learners: [4] }))] }),
        term: 2,
      },
    ]),
  )('%s', (_says, { node, term }) => {
    const n = node();
    const r = deliver(n, timeoutNow(term, n.id), 1000);
    expect(r.node.role).toBe('follower');
    expect(sentOf(r.outputs, 'RequestVote')).toEqual([]);
  });

  it('a transfer is given up after the minimum election timeout: the client hears transferTimedOut and writes are taken again', () => {
    let leader = deliver(leaderWithLaggingS2(), ask(7, transferTo(2)), 1000).node;
    const until = leader.transfer!.until;
    expect(until).toBe(1000 + 150);
    // Heartbeats before the deadline: still handing over.
    while (leader.heartbeatDeadline < until) leader = tick(leader, leader.heartbeatDeadline).node;
    expect(leader.transfer).not.toBeNull();
    const given = tick(leader, leader.heartbeatDeadline);
    expect(given.node.transfer).toBeNull();
    expect(replies(given.outputs)).toEqual(['#7 transferTimedOut']);
    const write = deliver(given.node, clientWrite(8, 'y', '2'), given.node.heartbeatDeadline);
    expect(replies(write.outputs)).toEqual([]);
    expect(lastIndex(write.node.log)).toBe(lastIndex(given.node.log) + 1);
  });

  it.each(
    sentences([
      { says: 'leadership cannot go to the leader itself', to: 1, error: 'isLeader' },
      { says: 'leadership cannot go to a learner', to: 4, error: 'notVoter' },
      {
        says: 'leadership cannot go to a server outside the configuration',
        to: 5,
        error: 'notMember',
      },
    ]),
  )('%s', (_says, { to, error }) => {
    const leader = acked(
      deliver(readyLeader(), ask(6, addServer(4, false)), 1000).node,
      [2, 3],
    ).node;
    const r = deliver(leader, ask(7, transferTo(to)), 1000);
    expect(replies(r.outputs)).toEqual([`#7 ${error}`]);
    expect(r.node.transfer).toBeNull();
  });
});
