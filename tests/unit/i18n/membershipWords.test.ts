// Membership in words (thesis ch. 4, §3.10): configuration entries and membership requests as the
// log and the client read them, in both languages; the tag a server wears when it is not a plain
// voter, read off a real seeded run as a server joins, catches up, votes and another is removed;
// and what a server's menu offers.
import { describe, expect, it } from 'vitest';
import type { Command, ConfigRequest } from '../../../src/raft';
import { createSimulation } from '../../../src/sim';
import type { TraceEvent } from '../../../src/sim';
import { eventKind, eventNodes } from '../../../src/ui/panels/eventText';
import { FrameProjector } from '../../../src/store/frame';
import type { Frame, NodeFrame } from '../../../src/store/frame';
import { makeTranslate } from '../../../src/ui/i18n';
import { configEntryText, configRequestText, memberTagOf } from '../../../src/ui/membershipText';
import { nodeActions } from '../../../src/ui/cluster/NodeMenu';

const en = makeTranslate('en');
const zh = makeTranslate('zh');

type Config = Extract<Command, { kind: 'config' }>;
const entry = (change: Config['change'], voters: number[], old: number[] | null = null) =>
  ({
    kind: 'config',
    change,
    config: { voters, learners: [], old, joining: [] },
  }) as unknown as Config;

describe('a configuration entry as the log reads it', () => {
  it.each([
    [entry({ op: 'addLearner', id: 4 } as never, [1, 2, 3]), '+S4 learner', '+S4', '+S4 学习者'],
    [
      entry({ op: 'promote', id: 4 } as never, [1, 2, 3, 4]),
      'S4 votes',
      'S4 votes',
      'S4 获得投票权',
    ],
    [entry({ op: 'remove', id: 2 } as never, [1, 3]), '−S2', '−S2', '−S2'],
    [
      entry({ op: 'enterJoint' }, [3, 4, 5], [1, 2, 3]),
      'joint {1,2,3}→{3,4,5}',
      'joint →{3,4,5}',
      '联合 {1,2,3}→{3,4,5}',
    ],
    [entry({ op: 'leaveJoint' }, [3, 4, 5]), 'config {3,4,5}', '{3,4,5}', '配置 {3,4,5}'],
  ])('%o reads "%s", in a narrow cell "%s", in 中文 "%s"', (command, long, short, chinese) => {
    expect(configEntryText(command, en)).toBe(long);
    expect(configEntryText(command, en, true)).toBe(short);
    expect(configEntryText(command, zh)).toBe(chinese);
  });
});

describe('a membership request as the client reads it', () => {
  it.each([
    [{ kind: 'addServer', id: 6, voter: true }, 'add S6', '添加 S6'],
    [{ kind: 'addServer', id: 7, voter: false }, 'add S7 as a learner', '添加 S7 为学习者'],
    [{ kind: 'removeServer', id: 2 }, 'remove S2', '移除 S2'],
    [{ kind: 'changeVoters', voters: [1, 3, 4] }, 'voters → {1,3,4}', '投票成员 → {1,3,4}'],
    [{ kind: 'transferLeadership', to: 3 }, 'hand leadership to S3', '把领导权交给 S3'],
  ])('%o reads "%s" and "%s"', (request, english, chinese) => {
    expect(configRequestText(request as ConfigRequest, en)).toBe(english);
    expect(configRequestText(request as ConfigRequest, zh)).toBe(chinese);
  });
});

/** Frames of a seeded run: S6 added, then S2 removed, then a joint change to {1,3,4}. */
function grownRun(): Frame[] {
  const sim = createSimulation({ seed: 4, nodes: 5 });
  const projector = new FrameProjector();
  const frames: Frame[] = [];
  sim.subscribe((e) => void frames.push(projector.project(sim, e)));
  sim.runUntil((s) => s.leader() !== null, 3000);
  sim.runFor(300);
  sim.addServer();
  sim.runFor(600);
  sim.removeServer(sim.leader() === 2 ? 3 : 2);
  sim.runFor(600);
  sim.changeVoters([1, 4, 5]);
  sim.runFor(1000);
  return frames;
}

describe('the tag a server wears', () => {
  const frames = grownRun();
  const tags = (id: number) => {
    const out: (string | null)[] = [];
    for (const f of frames) {
      const n = f.nodes[id - 1];
      const tag = n ? memberTagOf(n, f.facts) : 'absent';
      if (out.at(-1) !== tag) out.push(tag);
    }
    return out;
  };

  it('an added server is not added yet, then a learner, then a plain voter', () => {
    expect(tags(6).slice(0, 4)).toEqual(['absent', 'joining', 'learner', null]);
  });

  it('a removed server is tagged removed, and stays so', () => {
    const removed = frames.at(-1)!.nodes.find((n) => n.member === 'outside' && n.id < 6)!;
    expect(tags(removed.id).at(-1)).toBe('removed');
  });

  it('during the joint change, voters of one half only say which half', () => {
    const joint = frames.find((f) => f.facts.joint !== null)!;
    const byTag = (tag: string) =>
      joint.nodes.filter((n) => memberTagOf(n, joint.facts) === tag).map((n) => n.id);
    const { old, new: next } = joint.facts.joint!;
    expect(byTag('oldOnly')).toEqual(old.filter((id) => !next.includes(id)));
    expect(byTag('newOnly')).toEqual(next.filter((id) => !old.includes(id)));
    expect(en(`member.tag.oldOnly`)).toBe('votes in the old half');
  });

  it('a server whose own configuration gives it no vote has no timer to fire', () => {
    const first = frames.find((f) => f.nodes[5]?.member === 'learner')!;
    expect(first.nodes[5]!.canStand).toBe(false);
    expect(first.nodes[0]!.canStand).toBe(true);
  });
});

describe('a server’s menu', () => {
  const node = (patch: Partial<NodeFrame>) =>
    ({
      id: 3,
      alive: true,
      role: 'follower',
      member: 'voter',
      voters: [1, 2, 3],
      joint: null,
      canStand: true,
      ...patch,
    }) as NodeFrame;

  it.each([
    [
      'a follower while S1 leads',
      node({}),
      1,
      ['crash', 'timeout', 'write', 'compact', 'transfer', 'remove'],
    ],
    [
      'the leader itself',
      node({ role: 'leader' }),
      3,
      ['crash', 'timeout', 'write', 'compact', 'remove'],
    ],
    [
      'a follower with no leader',
      node({}),
      null,
      ['crash', 'timeout', 'write', 'compact', 'remove'],
    ],
    [
      'a learner',
      node({ member: 'learner', voters: [1, 2], canStand: false }),
      1,
      ['crash', 'write', 'compact', 'remove'],
    ],
    [
      'a removed server',
      node({ member: 'outside', voters: [1, 2], canStand: false }),
      1,
      ['crash', 'write', 'compact'],
    ],
    ['a crashed voter', node({ alive: false }), 1, ['restart', 'remove']],
  ] as const)('%s offers %j', (_, n, leader, actions) => {
    expect(nodeActions(n, leader)).toEqual(actions);
  });
});

describe('membership in the event log’s filter', () => {
  const events = (() => {
    const sim = createSimulation({ seed: 4, nodes: 5 });
    const all: TraceEvent[] = [];
    sim.subscribe((e) => void all.push(e));
    sim.runUntil((s) => s.leader() !== null, 3000);
    sim.runFor(300);
    const leader = sim.leader()!;
    sim.transferLeadership(leader === 2 ? 3 : 2);
    sim.runFor(300);
    sim.changeVoters([1, 2, 3]);
    sim.runFor(300);
    return all;
  })();

  it('membership actions and requests are their own kind; TimeoutNow is an election', () => {
    const kindOf = (pick: (e: TraceEvent) => boolean) => eventKind(events.find(pick)!);
    expect(kindOf((e) => e.kind === 'action' && e.action === 'membership')).toBe('membership');
    expect(kindOf((e) => e.kind === 'step' && e.message?.kind === 'ClientRequest')).toBe(
      'membership',
    );
    expect(kindOf((e) => e.kind === 'step' && e.message?.kind === 'TimeoutNow')).toBe('election');
  });

  it('a change of voters involves the server asked and every voter named', () => {
    const change = events.find((e) => e.kind === 'action' && e.detail.do === 'changeVoters')!;
    const via = (change as Extract<TraceEvent, { kind: 'action' }>).detail;
    expect(eventNodes(change).sort()).toEqual(
      [...new Set([1, 2, 3, 'via' in via ? via.via : 0])].sort(),
    );
  });
});
