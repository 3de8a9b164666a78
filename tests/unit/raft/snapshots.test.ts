// Paper tests for log compaction (Raft thesis §5) on the pure core: what a snapshot keeps, when a
// server takes one, when a leader sends one instead of entries, how a follower installs it, what a
// restart loads, and which snapshots on disk createNode refuses.
import { describe, expect, it } from 'vitest';
import type {
  Entry,
  InstallSnapshot,
  Output,
  PersistentState,
  RaftNode,
  Snapshot,
} from '../../../src/raft';
import {
  asIndex,
  asTerm,
  createNode,
  entryAt,
  lastIndex,
  persistentStateOf,
  step,
  toArray,
} from '../../../src/raft';
import {
  S,
  appendEntries,
  appendOk,
  appendReplyOf,
  clientWrite,
  deliver,
  electLeader,
  exchange,
  nodeWith,
  optionsFor,
  sent,
  sentences,
  termsOf,
  tick,
} from './harness';

const compact = (node: RaftNode, now: number) => step(node, { kind: 'compact', now });

/**
 * S1 leading term 1 of three servers: its no-op, then `committed` writes k1=v1… that S2
 * acknowledged (so committed and applied), then `pending` writes nobody else holds yet.
 * Returns the leader and every entry of its log, for building followers that hold a prefix.
 */
function leaderWith(
  committed: number,
  pending = 0,
  options: Parameters<typeof optionsFor>[1] = {},
) {
  let leader = electLeader(nodeWith({ term: 0, options }), 1000).node;
  for (let i = 1; i <= committed + pending; i++) {
    leader = deliver(leader, clientWrite(i, `k${i}`, `v${i}`), 1000 + i).node;
    if (i === committed) leader = deliver(leader, appendOk(2, 1, committed + 1), 1000 + i).node;
  }
  if (committed === 0) leader = deliver(leader, appendOk(2, 1, 1), 1000).node;
  return { leader, entries: toArray(leader.log) };
}

/** A snapshot of three voters up to `index`@`term` holding `kv`. */
function snapshotAt(index: number, term: number, kv: [string, string][] = []): Snapshot {
  return {
    lastIncludedIndex: asIndex(index),
    lastIncludedTerm: asTerm(term),
    config: { voters: [S(1), S(2), S(3)], learners: [], old: null, joining: [] },
    configIndex: asIndex(0),
    kv,
    sessions: [],
  };
}

function installSnapshot(from: number, term: number, snapshot: Snapshot, to = 1): InstallSnapshot {
  return {
    kind: 'InstallSnapshot',
    from: S(from),
    to: S(to),
    term: asTerm(term),
    snapshot,
    knownMatchIndex: asIndex(0),
    sentAt: 0,
  };
}

/** `[...before, <hole>, ...after]`, as `[1, , 3]` writes it. */
function withHole<T>(before: readonly T[], after: readonly T[]): T[] {
  const list = [...before];
  list.length++;
  list.push(...after);
  return list;
}

const persistOf = (outputs: readonly Output[]) => outputs.find((o) => o.kind === 'persist');

/** Where the log stands: `base 5@1, last 8` (entries after the snapshot keep their indexes). */
const describeLog = (n: RaftNode) =>
  `base ${n.log.base}@${n.log.baseTerm}, last ${lastIndex(n.log)}`;

/** A disk that only ever sees the persist outputs, snapshots included. */
function diskAfter(start: RaftNode, steps: ((n: RaftNode) => ReturnType<typeof step>)[]) {
  let disk = persistentStateOf(start);
  let node = start;
  for (const run of steps) {
    const r = run(node);
    node = r.node;
    for (const o of r.outputs) {
      if (o.kind !== 'persist') continue;
      const base = o.snapshot?.lastIncludedIndex ?? disk.snapshot?.lastIncludedIndex ?? 0;
      const kept =
        o.snapshot !== undefined ? [] : disk.log.slice(0, Math.max(0, o.logFrom - 1 - base));
      const log = o.logFrom > 0 ? [...kept, ...o.entries] : disk.log;
      disk = {
        currentTerm: o.currentTerm,
        votedFor: o.votedFor,
        log,
        snapshot: o.snapshot ?? disk.snapshot ?? null,
      };
    }
  }
  return { disk, node };
}

describe('§5 log compaction: taking a snapshot', () => {
  it('a snapshot replaces the applied prefix, and every index after it keeps its number', () => {
    const { leader, entries } = leaderWith(5, 2); // no-op, 5 committed writes, 2 pending: 1…8
    const r = compact(leader, 1100);
    expect([describeLog(leader), describeLog(r.node)]).toEqual([
      'base 0@0, last 8',
      'base 6@1, last 8',
    ]);
    expect([entryAt(r.node.log, 7), entryAt(r.node.log, 8)]).toEqual([entries[6], entries[7]]);
    expect(entryAt(r.node.log, 6)).toBeUndefined(); // compacted away
    const next = deliver(r.node, clientWrite(9, 'k9', 'v9'), 1101).node;
    expect(entryAt(next.log, 9)?.command).toEqual({ kind: 'set', key: 'k9', value: 'v9' });
  });

  it('the snapshot holds the state machine, the configuration and the last index and term it covers', () => {
    const { leader } = leaderWith(3);
    const snapshot = compact(leader, 1100).node.snapshot;
    expect(snapshot).toEqual({
      lastIncludedIndex: 4,
      lastIncludedTerm: 1,
      config: { voters: [1, 2, 3], learners: [], old: null, joining: [] },
      configIndex: 0,
      kv: [
        ['k1', 'v1'],
        ['k2', 'v2'],
        ['k3', 'v3'],
      ],
      sessions: [],
    });
  });

  it('the disk gets the snapshot and the whole log after it in one persist', () => {
    const { leader } = leaderWith(5, 2);
    const r = compact(leader, 1100);
    const persist = persistOf(r.outputs);
    expect(persist).toMatchObject({ logFrom: 7, snapshot: r.node.snapshot });
    expect(persist?.kind === 'persist' && persist.entries).toEqual(toArray(r.node.log));
  });

  it('compacting again with nothing newly applied changes nothing and writes nothing', () => {
    const once = compact(leaderWith(5, 2).leader, 1100).node;
    const twice = compact(once, 1101);
    expect([describeLog(twice.node), persistOf(twice.outputs)]).toEqual([
      describeLog(once),
      undefined,
    ]);
  });

  it.each(
    sentences([
      { says: 'snapshotEvery 3: applied 2 → no snapshot', commit: 2, every: 3, snapshot: 0 },
      { says: 'snapshotEvery 3: applied 3 → a snapshot at 3', commit: 3, every: 3, snapshot: 3 },
      {
        says: 'snapshotEvery 3: applied 5 in one go → a snapshot at 5',
        commit: 5,
        every: 3,
        snapshot: 5,
      },
      { says: 'snapshotEvery 0: applied 7 → never a snapshot', commit: 7, every: 0, snapshot: 0 },
    ]),
  )(
    'a server compacts on its own once snapshotEvery entries were applied since its last snapshot: %s',
    (_says, row) => {
      // The entries reach its disk first; the commit index comes with the next AppendEntries.
      const follower = deliver(
        nodeWith({ term: 1, options: { snapshotEvery: row.every } }),
        appendEntries({ from: 2, term: 1, entries: [1, 1, 1, 1, 1, 1, 1, 1] }),
        100,
      ).node;
      const r = deliver(
        follower,
        appendEntries({ from: 2, term: 1, prev: [8, 1], leaderCommit: row.commit }),
        110,
      );
      expect([r.node.lastApplied, r.node.log.base]).toEqual([row.commit, row.snapshot]);
    },
  );

  it('after a snapshot, the next one comes snapshotEvery applied entries later', () => {
    let follower = deliver(
      nodeWith({ term: 1, options: { snapshotEvery: 3 } }),
      appendEntries({ from: 2, term: 1, entries: [1, 1, 1, 1, 1, 1, 1, 1] }),
      100,
    ).node;
    const bases = [3, 4, 5, 6, 7, 8].map((commit) => {
      const heartbeat = appendEntries({ from: 2, term: 1, prev: [8, 1], leaderCommit: commit });
      follower = deliver(follower, heartbeat, 100 + commit).node;
      return follower.log.base;
    });
    expect(bases).toEqual([3, 3, 3, 6, 6, 6]);
  });
});

describe('§5 log compaction: a leader sends its snapshot to a follower too far behind', () => {
  it.each(
    sentences([
      { says: 'a follower holding all 8 entries gets none again', holds: 8, snapshot: false },
      { says: 'a follower holding 6 gets 7 and 8 in AppendEntries', holds: 6, snapshot: false },
      {
        says: 'a follower holding exactly the snapshot’s 5 gets 6…8 in AppendEntries',
        holds: 5,
        snapshot: false,
      },
      {
        says: 'a follower holding 3 (nextIndex − 1 < 5) gets InstallSnapshot',
        holds: 3,
        snapshot: true,
      },
      { says: 'a follower holding nothing gets InstallSnapshot', holds: 0, snapshot: true },
    ]),
  )(
    'InstallSnapshot exactly when nextIndex − 1 is below the leader’s snapshot: %s',
    (_says, row) => {
      // S1 has compacted 1…5 and holds 6…8; S3 holds the first `holds` entries and says so.
      const { leader, entries } = leaderWith(4, 3);
      const compacted = compact(leader, 1100).node;
      expect(describeLog(compacted)).toBe('base 5@1, last 8');
      const s3 = createNode(
        S(3),
        leader.options,
        { currentTerm: asTerm(1), votedFor: null, log: entries.slice(0, row.holds) },
        3,
        1100,
      );
      const told = deliver(compacted, appendOk(3, 1, row.holds), 1101);
      const heartbeat = tick(told.node, 2000);
      const toS3 = [...sent(told.outputs), ...sent(heartbeat.outputs)].filter((m) => m.to === 3);
      const run = exchange({ 1: heartbeat.node, 3: s3 }, toS3, 2000);
      const snapshots = run.delivered.filter((m) => m.kind === 'InstallSnapshot' && m.to === 3);
      expect(snapshots.length > 0).toBe(row.snapshot);
      // Either way S3 ends with the leader's log, and with its state machine once a heartbeat
      // tells it the commit index.
      const again = tick(run.nodes[1]!, 2100);
      const after = exchange({ 1: again.node, 3: run.nodes[3]! }, sent(again.outputs), 2100).nodes;
      expect([lastIndex(after[3]!.log), after[3]!.log.base]).toEqual([8, row.snapshot ? 5 : 0]);
      expect([after[1]!.commitIndex, after[3]!.lastApplied]).toEqual([8, 8]);
      expect([...after[3]!.machine.kv]).toEqual([...after[1]!.machine.kv]);
    },
  );
});

describe('§5 log compaction: a follower installs a snapshot', () => {
  it('a follower whose log matches at the snapshot’s last entry keeps the entries after it (§5.1)', () => {
    const follower = nodeWith({ term: 1, log: [1, 1, 1, 1, 1] });
    const r = deliver(follower, installSnapshot(2, 1, snapshotAt(3, 1, [['x', '3']])), 100);
    expect([describeLog(r.node), termsOf(r.node)]).toEqual(['base 3@1, last 5', [1, 1]]);
    expect([r.node.commitIndex, r.node.lastApplied, [...r.node.machine.kv]]).toEqual([
      3,
      3,
      [['x', '3']],
    ]);
    expect(r.outputs.map((o) => o.kind)).toEqual(['persist', 'restore', 'send']);
    expect(appendReplyOf(r.outputs)).toMatchObject({ success: true, index: 3 });
  });

  it.each(
    sentences([
      {
        says: 'another term at the snapshot’s last index',
        log: [1, 1, 2, 2],
        term: 3,
        snap: [3, 3],
      },
      {
        says: 'a log too short to hold the snapshot’s last index',
        log: [1],
        term: 1,
        snap: [5, 1],
      },
    ]),
  )('a follower whose log does not match drops all of it: %s', (_says, row) => {
    const follower = nodeWith({ term: row.term, log: row.log });
    const [index, term] = row.snap as [number, number];
    const r = deliver(follower, installSnapshot(2, row.term, snapshotAt(index, term)), 100);
    expect([describeLog(r.node), r.node.commitIndex, r.node.lastApplied]).toEqual([
      `base ${index}@${term}, last ${index}`,
      index,
      index,
    ]);
  });

  it('a snapshot older than the follower’s commit index changes nothing, and is acknowledged', () => {
    const follower = deliver(
      nodeWith({ term: 1 }),
      appendEntries({ from: 2, term: 1, entries: [1, 1, 1, 1, 1], leaderCommit: 4 }),
      100,
    ).node;
    const r = deliver(follower, installSnapshot(2, 1, snapshotAt(3, 1, [['stale', 'yes']])), 110);
    expect([describeLog(r.node), r.node.commitIndex, r.node.machine]).toEqual([
      'base 0@0, last 5',
      4,
      follower.machine,
    ]);
    expect(r.outputs.map((o) => o.kind)).toEqual(['send']);
    expect(appendReplyOf(r.outputs)).toMatchObject({ success: true, index: 3 });
  });

  it('an installed snapshot brings its configuration when no later configuration entry stays', () => {
    const four: Snapshot = {
      ...snapshotAt(4, 1),
      config: { voters: [S(1), S(2), S(3), S(4)], learners: [], old: null, joining: [] },
      configIndex: asIndex(2),
    };
    const r = deliver(nodeWith({ term: 1 }), installSnapshot(2, 1, four), 100);
    expect([r.node.config.state.voters, r.node.configIndex]).toEqual([[1, 2, 3, 4], 2]);
  });
});

describe('§5 log compaction: a restarted server loads its snapshot', () => {
  // A leader applies writes, compacts, and takes two more writes (one committed).
  const history = diskAfter(leaderWith(4).leader, [
    (n) => compact(n, 1100),
    (n) => deliver(n, clientWrite(20, 'k5', 'v5'), 1110),
    (n) => deliver(n, appendOk(2, 1, 6), 1120),
    (n) => deliver(n, clientWrite(21, 'k6', 'v6'), 1130),
  ]);

  it('the persist outputs alone rebuild the disk, snapshot included', () => {
    expect(history.disk).toEqual(persistentStateOf(history.node));
    expect([history.disk.snapshot?.lastIncludedIndex, history.disk.log.length]).toEqual([5, 2]);
  });

  it('it starts with commitIndex = lastApplied = the snapshot’s last index and the snapshot’s state machine', () => {
    const restarted = createNode(S(1), history.node.options, history.disk, 5, 2000);
    expect([
      restarted.role,
      restarted.commitIndex,
      restarted.lastApplied,
      describeLog(restarted),
    ]).toEqual(['follower', 5, 5, 'base 5@1, last 7']);
    expect([...restarted.machine.kv]).toEqual(history.disk.snapshot!.kv);
  });

  it('it applies only the entries after its snapshot as it learns the commit index', () => {
    const restarted = createNode(S(1), history.node.options, history.disk, 5, 2000);
    const r = deliver(
      restarted,
      appendEntries({ from: 2, term: 1, prev: [7, 1], leaderCommit: 7 }),
      2010,
    );
    expect(r.outputs.flatMap((o) => (o.kind === 'apply' ? [o.index] : []))).toEqual([6, 7]);
    expect(Object.fromEntries(r.node.machine.kv)).toEqual({
      ...Object.fromEntries(history.disk.snapshot!.kv),
      k5: 'v5',
      k6: 'v6',
    });
  });
});

describe('§5 log compaction: createNode refuses a bad snapshot on disk, and makes no node', () => {
  const good = snapshotAt(3, 1, [['a', '1']]);
  const boot = (snapshot: unknown, log: Entry[] = []) =>
    createNode(
      S(1),
      optionsFor(3),
      { currentTerm: asTerm(2), votedFor: null, log, snapshot } as PersistentState,
      7,
      0,
    );

  it('boots from a good one', () => {
    expect(boot(good).lastApplied).toBe(3);
  });

  it.each(
    sentences([
      {
        says: 'a snapshot that is text',
        snapshot: 'snap',
        error: /disk snapshot must be an object or null/,
      },
      {
        says: 'lastIncludedIndex as text',
        snapshot: { ...good, lastIncludedIndex: '3' },
        error: /snapshot lastIncludedIndex must be a whole number ≥ 1, not 3/,
      },
      {
        says: 'lastIncludedIndex NaN',
        snapshot: { ...good, lastIncludedIndex: NaN },
        error: /snapshot lastIncludedIndex .* not NaN/,
      },
      {
        says: 'lastIncludedIndex negative',
        snapshot: { ...good, lastIncludedIndex: -1 },
        error: /snapshot lastIncludedIndex .* not -1/,
      },
      {
        says: 'lastIncludedIndex fractional',
        snapshot: { ...good, lastIncludedIndex: 2.5 },
        error: /snapshot lastIncludedIndex .* not 2.5/,
      },
      {
        says: 'lastIncludedIndex 0',
        snapshot: { ...good, lastIncludedIndex: 0 },
        error: /snapshot lastIncludedIndex .* not 0/,
      },
      {
        says: 'lastIncludedTerm Infinity',
        snapshot: { ...good, lastIncludedTerm: Infinity },
        error: /snapshot lastIncludedTerm .* not Infinity/,
      },
      {
        says: 'lastIncludedTerm above currentTerm',
        snapshot: { ...good, lastIncludedTerm: 3 },
        error: /snapshot lastIncludedTerm is above currentTerm/,
      },
      {
        says: 'configIndex fractional',
        snapshot: { ...good, configIndex: 0.5 },
        error: /snapshot configIndex .* not 0.5/,
      },
      {
        says: 'configIndex past the last included index',
        snapshot: { ...good, configIndex: 4 },
        error: /configIndex is past its lastIncludedIndex/,
      },
      {
        says: 'a config without voters',
        snapshot: { ...good, config: { learners: [], old: null, joining: [] } },
        error: /snapshot config must hold voters/,
      },
      {
        says: 'voters as text',
        snapshot: { ...good, config: { ...good.config, voters: ['1'] } },
        error: /snapshot config must hold voters/,
      },
      {
        says: 'kv as an object',
        snapshot: { ...good, kv: { a: '1' } },
        error: /snapshot kv must be a list of \[key, value\] text pairs/,
      },
      {
        says: 'kv as a Map',
        snapshot: { ...good, kv: new Map([['a', '1']]) },
        error: /snapshot kv must be a list/,
      },
      {
        says: 'kv pairs of three',
        snapshot: { ...good, kv: [['a', '1', '2']] },
        error: /snapshot kv must be a list/,
      },
      {
        says: 'a kv value that is a number',
        snapshot: { ...good, kv: [['a', 1]] },
        error: /snapshot kv must be a list/,
      },
      {
        says: 'sessions of three numbers',
        snapshot: { ...good, sessions: [[1, 2, 3]] },
        error: /snapshot sessions must be a list of \[client, seq, index, term\]/,
      },
      {
        says: 'a session with a NaN seq',
        snapshot: { ...good, sessions: [[1, NaN, 3, 1]] },
        error: /snapshot sessions must be a list/,
      },
      {
        says: 'a session with a fractional seq',
        snapshot: { ...good, sessions: [[1, 1.5, 3, 1]] },
        error: /snapshot sessions must be a list/,
      },
      {
        says: 'a session with a negative client',
        snapshot: { ...good, sessions: [[-1, 2, 3, 1]] },
        error: /snapshot sessions must be a list/,
      },
      {
        says: 'fields that are only the prototype’s, as JSON’s "__proto__" makes them',
        snapshot: JSON.parse('{"__proto__": {"lastIncludedIndex": 3}}'),
        error: /snapshot lastIncludedIndex/,
      },
      // Holes: Array.prototype.every skips them, so each needs its own check.
      {
        says: 'kv with a hole where a pair should be',
        snapshot: { ...good, kv: withHole([], [['a', '1']]) },
        error: /snapshot kv must be a list of \[key, value\] text pairs/,
      },
      {
        says: 'sessions with a hole where a session should be',
        snapshot: { ...good, sessions: withHole([], [[1, 2, 3, 1]]) },
        error: /snapshot sessions must be a list/,
      },
      {
        says: 'a session with a hole for its seq',
        snapshot: { ...good, sessions: [withHole([1], [3, 1])] },
        error: /snapshot sessions must be a list/,
      },
      {
        says: 'voters with a hole',
        snapshot: { ...good, config: { ...good.config, voters: withHole([1], [3]) } },
        error: /snapshot config must hold voters/,
      },
      {
        says: 'fields inherited from a prototype rather than its own',
        snapshot: Object.create(good) as unknown,
        error: /snapshot/,
      },
      {
        says: 'a log after it whose first term is below the snapshot’s',
        snapshot: { ...good, lastIncludedTerm: 2 },
        log: [{ term: asTerm(1), command: { kind: 'noop' } }],
        error: /term of disk entry 1 must be a whole number ≥ 2, not 1/,
      },
    ] as { says: string; snapshot: unknown; log?: Entry[]; error: RegExp }[]),
  )('%s', (_says, row) => {
    expect(() => boot(row.snapshot, row.log)).toThrow(row.error);
    // A plain Error with the checks' own words, not a TypeError from deep inside.
    expect(() => boot(row.snapshot, row.log)).toThrow(expect.objectContaining({ name: 'Error' }));
  });

  it('keys named like object properties are keys like any other: "__proto__" and "constructor" restore as data', () => {
    const node = boot({
      ...good,
      kv: [
        ['__proto__', 'x'],
        ['constructor', 'y'],
      ],
    });
    expect([...node.machine.kv]).toEqual([
      ['__proto__', 'x'],
      ['constructor', 'y'],
    ]);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});
