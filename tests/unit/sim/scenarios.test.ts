// Scenario tests for every idea in the study notes (shared/seed/raft-notes.zh.md), scripted
// through createSimulation. Where the point is a sequence of events, the expectation is the
// trace itself, filtered to the lines that tell the story, so a reviewer reads the diff.
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/sim';
import type { Simulation } from '../../../src/sim';
import {
  ROLE_CHANGES,
  STATE_CHANGES,
  awaitLeader,
  settle,
  converged,
  followersOf,
  must,
  story,
  terms,
} from './harness';

const noViolations = (sim: Simulation) => expect(sim.violations()).toEqual([]);

describe('leader election (选举)', () => {
  it('a normal election: the first timer to fire stands in term 1 and every other server votes for it', () => {
    const sim = createSimulation({ seed: 1, nodes: 5 });
    awaitLeader(sim);
    expect(story(sim, /→ (candidate|leader)|vote/)).toEqual([
      't=173ms S2 election timeout → candidate, term 1',
      't=185ms S1 ← S2 RequestVote(term 1, last 0@0) → follower, term 1: vote granted (term 1)',
      't=185ms S4 ← S2 RequestVote(term 1, last 0@0) → follower, term 1: vote granted (term 1)',
      't=185ms S5 ← S2 RequestVote(term 1, last 0@0) → follower, term 1: vote granted (term 1)',
      't=192ms S3 ← S2 RequestVote(term 1, last 0@0) → follower, term 1: vote granted (term 1)',
      't=195ms S2 ← S4 vote granted (term 1)',
      't=199ms S2 ← S1 vote granted (term 1) → leader, term 1, log 1',
    ]);
    noViolations(sim);
  });

  it('while heartbeats arrive, followers stay followers: no new election for 10 virtual seconds', () => {
    const sim = createSimulation({ seed: 1, nodes: 5 });
    const leader = awaitLeader(sim);
    const elections = story(sim, /→ candidate/).length;
    sim.runFor(10_000);
    expect([sim.leader(), sim.node(leader).term]).toEqual([leader, 1]);
    expect(story(sim, /→ candidate/)).toHaveLength(elections);
  });

  it('a split vote: two timers fire together, nobody wins term 1, and a later term elects a leader', () => {
    // Four servers and two candidates at the same instant: S4 votes for S1, S3 for S2, 2 + 2.
    const sim = createSimulation({ seed: 13, nodes: 4 });
    sim.timeout(1);
    sim.timeout(2);
    const leader = awaitLeader(sim);
    expect(story(sim, /timer|→ (candidate|leader)|vote granted/)).toEqual([
      't=0ms S1 election timer fired by hand',
      't=0ms S2 election timer fired by hand',
      't=0ms S1 election timer forced → candidate, term 1',
      't=0ms S2 election timer forced → candidate, term 1',
      't=12ms S4 ← S1 RequestVote(term 1, last 0@0) → follower, term 1: vote granted (term 1)',
      't=14ms S3 ← S2 RequestVote(term 1, last 0@0) → follower, term 1: vote granted (term 1)',
      't=26ms S1 ← S4 vote granted (term 1)',
      't=31ms S2 ← S3 vote granted (term 1)',
      't=187ms S1 election timeout → candidate, term 2',
      't=199ms S3 ← S1 RequestVote(term 2, last 0@0) → follower, term 2: vote granted (term 2)',
      't=200ms S2 ← S1 RequestVote(term 2, last 0@0) → follower, term 2: vote granted (term 2)',
      't=202ms S4 ← S1 RequestVote(term 2, last 0@0) → follower, term 2: vote granted (term 2)',
      't=211ms S1 ← S3 vote granted (term 2)',
      't=216ms S1 ← S2 vote granted (term 2) → leader, term 2, log 1',
    ]);
    expect(story(sim, /→ leader, term 1\b/)).toEqual([]);
    expect(sim.node(leader).term).toBeGreaterThan(1);
    noViolations(sim);
  });

  it('the leader crashes: the first follower to time out wins a higher term', () => {
    const sim = createSimulation({ seed: 1, nodes: 5 });
    const old = awaitLeader(sim);
    sim.runFor(200);
    const from = sim.traceLines().length;
    sim.crash(old);
    must(sim, 'a new leader', (s) => s.leader() !== null && s.leader() !== old);
    expect(story(sim, ROLE_CHANGES, from)).toEqual([
      't=399ms S2 crashed',
      't=569ms S5 election timeout → candidate, term 2',
      't=580ms S4 ← S5 RequestVote(term 2, last 1@1) → follower, term 2: vote granted (term 2)',
      't=584ms S1 ← S5 RequestVote(term 2, last 1@1) → follower, term 2: vote granted (term 2)',
      't=587ms S3 ← S5 RequestVote(term 2, last 1@1) → follower, term 2: vote granted (term 2)',
      't=596ms S5 ← S1 vote granted (term 2) → leader, term 2, log 2',
    ]);
    expect(sim.node(sim.leader()!).term).toBeGreaterThan(sim.node(old).term);
    noViolations(sim);
  });

  it('the old leader restarts and rejoins as a follower of the newer term', () => {
    const sim = createSimulation({ seed: 1, nodes: 5 });
    const old = awaitLeader(sim);
    sim.crash(old);
    const leader = awaitLeader(sim);
    sim.runFor(1000);
    const from = sim.traceLines().length;
    sim.restart(old);
    must(
      sim,
      'the old leader to catch up',
      (s) => s.node(old).term === s.node(leader).term && converged(s),
    );
    const rejoining = new RegExp(`S${old} (restarted|← .* → )|S${leader} ← S${old} AppendEntries`);
    expect(story(sim, rejoining, from)).toEqual([
      't=1404ms S2 restarted with term 1, log 1',
      // S1 probes S2 where they last matched (flow control: no pipelining ran ahead while S2 was
      // down), so one AppendEntries repairs it.
      't=1414ms S2 ← S1 AppendEntries(term 2, prev 1@1, 1 entry, commit 2) → follower, term 2, log 2, commit 2',
    ]);
    expect([sim.node(old).role, sim.leader()]).toEqual(['follower', leader]);
    noViolations(sim);
  });
});

describe('log replication (日志同步)', () => {
  it('a write replicates and commits on a majority; the client hears back only after the commit', () => {
    const sim = createSimulation({ seed: 2, nodes: 5 });
    const leader = settle(sim);
    const [a, b] = followersOf(sim, leader);
    sim.crash(a!);
    sim.crash(b!); // three of five remain: still a majority
    sim.runFor(100);
    const from = sim.traceLines().length;
    const request = sim.write('x', '1');
    must(sim, 'the write to be acknowledged', (s) => s.request(request).status !== 'pending');
    expect(story(sim, STATE_CHANGES, from)).toEqual([
      't=345ms client request #1 set x=1 → S3',
      't=360ms S3 ← client request #1 set x=1 → log 2',
      't=372ms S4 ← S3 AppendEntries(term 1, prev 1@1, 1 entry, commit 1) → log 2',
      't=380ms S5 ← S3 AppendEntries(term 1, prev 1@1, 1 entry, commit 1) → log 2',
      't=391ms S3 ← S5 AppendEntries ok (term 1, match 2) → commit 2: reply #1 ok at 2',
      't=408ms client request #1 ok: applied at index 2 (S3)',
    ]);
    expect(sim.request(request)).toEqual({ status: 'ok', index: 2 });
    sim.runFor(200); // a heartbeat tells the followers the new commit index
    expect(
      sim
        .nodeIds()
        .map((id) => `S${id}: log ${sim.node(id).log.length}, x=${sim.node(id).kv.x ?? '∅'}`),
    ).toEqual([
      'S1: log 1, x=∅', // crashed before the write
      'S2: log 1, x=∅', // crashed before the write
      'S3: log 2, x=1', // the leader
      'S4: log 2, x=1',
      'S5: log 2, x=1',
    ]);
    noViolations(sim);
  });

  it('a write sent to a follower is forwarded to the leader and committed', () => {
    const sim = createSimulation({ seed: 3, nodes: 3 });
    const leader = settle(sim);
    const follower = followersOf(sim, leader)[0]!;
    const request = sim.write('x', '1', follower);
    must(sim, 'the forwarded write to commit', (s) => s.request(request).status !== 'pending');
    expect(story(sim, /request #1|client/)).toEqual([
      't=313ms client request #1 set x=1 → S1',
      't=325ms S1 ← client request #1 set x=1',
      't=335ms S3 ← S1 request #1 set x=1 → log 2',
      't=383ms client request #1 ok: applied at index 2 (S3)',
    ]);
    expect(sim.request(request).status).toBe('ok');
  });

  it('a follower that was down catches up on everything it missed', () => {
    const sim = createSimulation({ seed: 4, nodes: 3 });
    const leader = settle(sim);
    const follower = followersOf(sim, leader)[0]!;
    sim.crash(follower);
    const requests = ['a', 'b', 'c', 'd', 'e'].map((key, i) => sim.write(key, `${i}`));
    must(sim, 'the writes to commit without it', (s) =>
      requests.every((r) => s.request(r).status === 'ok'),
    );
    expect(sim.node(follower).log.length).toBe(1);
    sim.restart(follower);
    // Restarted: the log is still on disk, the state machine starts empty and is rebuilt.
    expect(sim.node(follower)).toMatchObject({
      role: 'follower',
      commitIndex: 0,
      lastApplied: 0,
      kv: {},
    });
    expect(sim.node(follower).log.length).toBe(1);
    must(sim, 'the follower to catch up', converged);
    expect(sim.node(follower).kv).toEqual({ a: '0', b: '1', c: '2', d: '3', e: '4' });
    expect(terms(sim, follower)).toBe(terms(sim, leader));
    noViolations(sim);
  });

  it('a follower that missed messages rejects the gap, and the leader resends from where it needs', () => {
    const sim = createSimulation({ seed: 5, nodes: 3 });
    const leader = settle(sim);
    const follower = followersOf(sim, leader)[0]!;
    sim.runFor(100);
    const from = sim.traceLines().length;
    // For 40 ms (less than any election timeout) the leader's messages to S2 are lost.
    sim.cutOneWay(leader, follower);
    sim.write('a', '1');
    sim.write('b', '2');
    sim.runFor(40);
    sim.restoreLink(leader, follower);
    must(sim, 'the follower to catch up', converged);
    const link = new RegExp(
      `link|S${leader}→S${follower} lost|S${follower} ← S${leader} AppendEntries\\(|S${leader} ← S${follower} AppendEntries (ok|rejected)`,
    );
    expect(story(sim, link, from)).toEqual([
      't=429ms link S1→S2 cut',
      't=446ms S1 ← S2 AppendEntries ok (term 1, match 1)',
      't=455ms AppendEntries(term 1, prev 2@1, 1 entry, commit 1) S1→S2 lost (partitioned)',
      't=457ms AppendEntries(term 1, prev 1@1, 1 entry, commit 1) S1→S2 lost (partitioned)',
      't=469ms link S1–S2 restored',
      't=472ms AppendEntries(term 1, prev 3@1, 0 entries, commit 1) S1→S2 lost (partitioned)', // sent before
      't=530ms S2 ← S1 AppendEntries(term 1, prev 3@1, 0 entries, commit 3)', // a heartbeat: S2 lacks 2 and 3
      't=541ms S1 ← S2 AppendEntries rejected (term 1, hint 2@0)',
      't=552ms S2 ← S1 AppendEntries(term 1, prev 1@1, 2 entries, commit 3) → log 3, commit 3',
    ]);
    noViolations(sim);
  });

  it('a server with a stale log cannot win an election (§5.4.1)', () => {
    const sim = createSimulation({ seed: 6, nodes: 3 });
    const leader = settle(sim);
    const [stale, upToDate] = followersOf(sim, leader) as [number, number];
    sim.crash(stale);
    const request = sim.write('x', '1');
    must(sim, 'the write to commit on the other two', (s) => s.request(request).status === 'ok');
    sim.crash(leader);
    sim.restart(stale);
    const from = sim.traceLines().length;
    sim.timeout(stale); // the stale server stands first…
    const winner = awaitLeader(sim);
    expect(story(sim, /→ (candidate|leader)|vote (granted|denied)/, from)).toEqual([
      't=318ms S1 election timer forced → candidate, term 2',
      't=328ms S3 ← S1 RequestVote(term 2, last 1@1) → follower, term 2: vote denied (term 2)',
      't=346ms S1 ← S3 vote denied (term 2)',
      't=471ms S1 election timeout → candidate, term 3',
      't=489ms S3 ← S1 RequestVote(term 3, last 1@1) → follower, term 3: vote denied (term 3)',
      't=505ms S1 ← S3 vote denied (term 3)',
      't=582ms S3 election timeout → candidate, term 4',
      't=597ms S1 ← S3 RequestVote(term 4, last 2@1) → follower, term 4: vote granted (term 4)',
      't=611ms S3 ← S1 vote granted (term 4) → leader, term 4, log 3',
    ]);
    expect(winner).toBe(upToDate); // …but only the up-to-date one can win
    noViolations(sim);
  });
});

describe('network partitions (网络分区)', () => {
  it('with the leader in the majority, the cluster goes on and the minority elects nobody', () => {
    const sim = createSimulation({ seed: 7, nodes: 5 });
    const leader = settle(sim);
    const term = sim.node(leader).term;
    const others = followersOf(sim, leader);
    const minority = others.slice(0, 2);
    sim.partition([[leader, ...others.slice(2)], minority]);
    const request = sim.write('x', '1');
    must(sim, 'the write to commit', (s) => s.request(request).status === 'ok');
    sim.runFor(3000);
    expect([sim.leader(), sim.node(leader).term]).toEqual([leader, term]);
    expect(minority.map((id) => sim.node(id).role)).not.toContain('leader');
    noViolations(sim);
  });

  it('with the leader in the minority: its write never commits, the majority elects and commits, and after healing the old leader steps down and its entry is replaced', () => {
    const sim = createSimulation({ seed: 8, nodes: 5 });
    const old = settle(sim);
    const others = followersOf(sim, old);
    const majority = others.slice(1);
    const from = sim.traceLines().length;
    sim.partition([[old, others[0]!], majority]);
    const lost = sim.write('lost', 'yes', old);
    must(sim, 'a leader in the majority', (s) => s.leader() !== null && s.leader() !== old);
    const leader = sim.leader()!;
    const kept = sim.write('kept', 'yes', leader);
    must(sim, 'the majority to commit', (s) => s.request(kept).status === 'ok');
    sim.runFor(2000);
    expect(sim.request(lost).status).toBe('pending');
    expect(sim.node(old).role).toBe('leader'); // it does not know yet
    expect(sim.node(old).commitIndex).toBeLessThan(sim.node(old).log.length);
    sim.heal();
    must(sim, 'the cluster to converge', (s) => s.leader() === leader && converged(s));
    sim.runFor(5000); // long enough for the client of the lost write to give up
    const oldLeaderLog = new RegExp(`S${old} ← .* → .*log`);
    expect(story(sim, new RegExp(`${ROLE_CHANGES.source}|${oldLeaderLog.source}`), from)).toEqual([
      't=319ms partition {S1,S2} | {S3,S4,S5}',
      't=333ms S1 ← client request #1 set lost=yes → log 2',
      't=489ms S3 election timeout → candidate, term 2',
      't=503ms S4 ← S3 RequestVote(term 2, last 1@1) → follower, term 2: vote granted (term 2)',
      't=503ms S5 ← S3 RequestVote(term 2, last 1@1) → follower, term 2: vote granted (term 2)',
      't=516ms S3 ← S4 vote granted (term 2) → leader, term 2, log 2',
      't=591ms client request #2 ok: applied at index 3 (S3)',
      't=2591ms network healed',
      // S1 hears term 2 first from S5's answer to its own heartbeat; S3 probes S2 and S1 at the
      // index where they last matched (probing never ran ahead while they were cut off).
      't=2626ms S1 ← S5 AppendEntries rejected (term 2, hint 0@0) → follower, term 2',
      't=2632ms S2 ← S3 AppendEntries(term 2, prev 1@1, 2 entries, commit 3) → follower, term 2, log 3, commit 3',
      't=2636ms S1 ← S3 AppendEntries(term 2, prev 1@1, 2 entries, commit 3) → log 3, commit 3',
      't=5319ms client request #1 failed: no reply within 5000 ms',
    ]);
    expect(sim.request(lost).status).toBe('failed');
    expect(sim.nodeIds().map((id) => sim.node(id).kv)).toEqual(Array(5).fill({ kept: 'yes' }));
    expect(sim.nodeIds().map((id) => terms(sim, id))).toEqual(Array(5).fill(terms(sim, leader)));
    noViolations(sim);
  });
});

describe('cluster sizes (为什么一般集群是奇数个节点)', () => {
  it.each([
    { nodes: 3, crashed: 1, commits: true },
    { nodes: 3, crashed: 2, commits: false },
    { nodes: 4, crashed: 1, commits: true },
    { nodes: 4, crashed: 2, commits: false },
    { nodes: 5, crashed: 2, commits: true },
    { nodes: 5, crashed: 3, commits: false },
    { nodes: 6, crashed: 2, commits: true },
    { nodes: 6, crashed: 3, commits: false },
  ])(
    '$nodes servers with $crashed crashed (the leader among them): commits = $commits',
    ({ nodes, crashed, commits }) => {
      const sim = createSimulation({ seed: 9, nodes });
      const leader = awaitLeader(sim);
      // Crash the leader and the lowest-numbered followers; the rest must elect and commit.
      const down = [leader, ...followersOf(sim, leader)].slice(0, crashed);
      for (const id of down) sim.crash(id);
      const survivors = sim.nodeIds().filter((id) => !down.includes(id));
      sim.runFor(2000);
      const request = sim.write('x', '1', survivors[0]);
      sim.runFor(6000); // past the client's 5 s timeout
      expect(sim.leader() !== null).toBe(commits); // electing needs a majority too
      expect(sim.request(request).status).toBe(commits ? 'ok' : 'failed');
      expect(survivors.every((id) => sim.node(id).kv.x === '1')).toBe(commits);
      noViolations(sim);
    },
  );
});

describe('clients', () => {
  it('writes sent to one server are applied in the order they were submitted, even when forwarded', () => {
    const sim = createSimulation({ seed: 10, nodes: 5 });
    const leader = settle(sim);
    const follower = followersOf(sim, leader)[0]!;
    const requests = ['1', '2', '3', '4', '5', '6'].map((v) => sim.write('x', v, follower));
    must(sim, 'every write to be answered', (s) =>
      requests.every((r) => s.request(r).status === 'ok'),
    );
    const indexes = requests.map((r) => sim.request(r).index!);
    expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
    sim.runFor(200);
    expect(sim.nodeIds().map((id) => sim.node(id).kv.x)).toEqual(Array(5).fill('6'));
  });

  it('a write to a crashed server is lost, and the client gives up after 5 virtual seconds', () => {
    const sim = createSimulation({ seed: 10, nodes: 3 });
    const leader = settle(sim);
    const down = followersOf(sim, leader)[0]!;
    sim.crash(down);
    const sentAt = sim.now;
    const request = sim.write('x', '1', down);
    sim.runFor(4999);
    expect(sim.request(request).status).toBe('pending');
    sim.runFor(1);
    expect(sim.request(request)).toEqual({
      status: 'failed',
      error: 'no reply within 5000 ms',
      failure: { code: 'clientTimeout', ms: 5000 },
    });
    expect(sim.now - sentAt).toBe(5000);
    expect(sim.node(leader).kv).toEqual({});
  });

  it('a cluster of one server elects itself and commits on its own', () => {
    const sim = createSimulation({ seed: 10, nodes: 1 });
    expect(awaitLeader(sim)).toBe(1);
    const request = sim.write('x', '1');
    must(sim, 'the write to commit', (s) => s.request(request).status === 'ok');
    expect(sim.node(1)).toMatchObject({
      role: 'leader',
      commitIndex: 2,
      lastApplied: 2,
      kv: { x: '1' },
    });
  });
});
