// The course's words for reads, client sessions and snapshots (Raft thesis §6.4, §6.3, ch. 5),
// played headless: the cues that read, append and compact with servers by reference, the
// conditions that read a request's answer, its retries and copies, a state machine and a
// snapshot, and the claims the three lessons of Part Four rest on — each shown to fail when the
// thing it names did not happen.
import { describe, expect, it } from 'vitest';
import type { Condition, Cue, Lesson, LessonSettings, ReadMode } from '../../../src/course';
import { LessonRun, lessonById, lessonOptions, reachStep } from '../../../src/course';
import { createSimulation } from '../../../src/sim';

/** A one-step lesson whose step plays `cues` once the first leader has settled (as "chief"). */
function scene(cues: readonly Cue[], settings: Partial<LessonSettings> = {}): Lesson {
  return {
    id: 'scene',
    title: { en: 'scene', zh: '场景' },
    teaches: { en: 'scene', zh: '场景' },
    settings: { nodes: 3, seed: 4, ...settings },
    steps: [
      {
        text: { en: 'scene', zh: '场景' },
        cues: [
          { do: 'wait', until: { kind: 'logsAgree' } },
          { do: 'mark', name: 'chief', pick: 'leader' },
          { do: 'mark', name: 'other', pick: 'follower' },
          ...cues,
        ],
        until: { kind: 'leaderElected' },
      },
    ],
  };
}

async function play(cues: readonly Cue[], settings: Partial<LessonSettings> = {}) {
  const lesson = scene(cues, settings);
  const sim = createSimulation(lessonOptions(lesson));
  const run = await reachStep(lesson, sim, 0);
  const settle = (c: Condition) => run.runUntil(c, 3000);
  return { sim, run, settle };
}

/** Writes x=1 and waits until every server has committed it. */
const X_IS_1: readonly Cue[] = [
  { do: 'write', key: 'x', value: '1' },
  { do: 'wait', until: { kind: 'committed', request: 'last' } },
];

describe('lesson settings', () => {
  it.each([
    ['snapshotEvery', { snapshotEvery: 8 }, { snapshotEvery: 8 }],
    ['clientRetryMs', { clientRetryMs: 200 }, { clientRetryMs: 200 }],
    ['dropRate', { dropRate: 0.25 }, { dropRate: 0.25 }],
    ['checkQuorum', { checkQuorum: true }, { checkQuorum: true }],
  ] as const)('%s reaches the simulation options', (_name, given, options) => {
    const lesson = scene([], given);
    expect(lessonOptions(lesson)).toMatchObject(options);
    expect(createSimulation(lessonOptions(lesson)).options).toMatchObject(options);
  });

  it('leaves the simulator’s defaults alone when a lesson does not say', () => {
    const options = lessonOptions(scene([]));
    expect(Object.keys(options)).not.toContain('snapshotEvery');
    expect(Object.keys(options)).not.toContain('clientRetryMs');
    expect(Object.keys(options)).not.toContain('dropRate');
  });
});

describe('read cues and what a read answered', () => {
  it('a readIndex read through a named server is the lesson’s own request, answered with the value', async () => {
    const { sim, run, settle } = await play([
      ...X_IS_1,
      { do: 'read', key: 'x', via: 'other', mode: 'readIndex' },
    ]);
    const id = run.request('last')!;
    expect(sim.requestViews(8).find((r) => r.id === id)).toMatchObject({
      via: run.node('other'),
      command: { kind: 'read', key: 'x', mode: 'readIndex' },
    });
    expect(await settle({ kind: 'replied', request: 'last' })).toBe(true);
    expect(run.holds({ kind: 'replied', request: 'last', status: 'ok', value: '1' })).toBe(true);
    expect(run.holds({ kind: 'replied', request: 'last', value: '2' })).toBe(false);
    expect(run.holds({ kind: 'replied', request: 'last', value: null })).toBe(false);
    expect(run.holds({ kind: 'replied', request: 'last', status: 'failed' })).toBe(false);
  });

  it('a read of a key nobody wrote answers null, which is not the empty string', async () => {
    const { run, settle } = await play([
      { do: 'read', key: 'nothing', via: 'chief', mode: 'local' },
    ]);
    expect(await settle({ kind: 'replied', request: 'last', value: null })).toBe(true);
    expect(run.holds({ kind: 'replied', request: 'last', value: '' })).toBe(false);
  });

  it('a refusal is read by its reason: a lease read needs CheckQuorum', async () => {
    const { run, settle } = await play([{ do: 'read', key: 'x', via: 'chief', mode: 'lease' }]);
    const needsCheckQuorum: Condition = {
      kind: 'replied',
      request: 'last',
      failure: 'leaseNeedsCheckQuorum',
    };
    expect(await settle(needsCheckQuorum)).toBe(true);
    expect(run.holds({ kind: 'replied', request: 'last', failure: 'leaseExpired' })).toBe(false);
    expect(run.holds({ kind: 'replied', request: 'last', status: 'ok' })).toBe(false);
  });

  it('with CheckQuorum the same lease read is answered, and has no failure to read', async () => {
    const { run, settle } = await play(
      [...X_IS_1, { do: 'read', key: 'x', via: 'chief', mode: 'lease' }],
      { checkQuorum: true },
    );
    expect(await settle({ kind: 'replied', request: 'last', value: '1' })).toBe(true);
    expect(run.holds({ kind: 'replied', request: 'last', failure: 'leaseExpired' })).toBe(false);
  });
});

describe('readAnswered: any read since the step started, the student’s included', () => {
  type Row = [string, ReadMode, { value: string; safe?: boolean }, boolean];
  it.each<Row>([
    [
      'a readIndex read of 1 counts as a safe read of 1',
      'readIndex',
      { value: '1', safe: true },
      true,
    ],
    ['a local read of 1 does not count as a safe read', 'local', { value: '1', safe: true }, false],
    ['a local read of 1 counts when safety is not asked', 'local', { value: '1' }, true],
    ['a read of 1 does not count as a read of 2', 'readIndex', { value: '2' }, false],
  ])('%s', async (_sentence, mode, { value, safe }, expected) => {
    const { sim, run, settle } = await play(X_IS_1);
    const asked: Condition = {
      kind: 'readAnswered',
      key: 'x',
      value,
      ...(safe === undefined ? {} : { safe }),
    };
    expect(run.holds(asked)).toBe(false);
    // The student reads through the simulation itself: not one of the lesson's requests.
    const id = sim.read('x', { via: run.node('chief')!, mode });
    expect(run.request('last')).not.toBe(id);
    await settle({ kind: 'readAnswered', key: 'x' });
    expect(run.holds(asked)).toBe(expected);
  });

  it('a read answered before the step started does not count', async () => {
    const first = scene([...X_IS_1, { do: 'read', key: 'x', via: 'chief' }]).steps[0]!;
    const lesson: Lesson = {
      ...scene([]),
      steps: [
        { ...first, until: { kind: 'replied', request: 'last', value: '1' } },
        { text: { en: 'next', zh: '下一步' }, until: { kind: 'leaderElected' } },
      ],
    };
    const sim = createSimulation(lessonOptions(lesson));
    const run = await reachStep(lesson, sim, 1);
    expect(run.holds({ kind: 'replied', request: 'last', value: '1' })).toBe(true);
    expect(run.holds({ kind: 'readAnswered', key: 'x' })).toBe(false);
  });
});

describe('append cues and the state machine', () => {
  it('appends through a named server add up in every state machine', async () => {
    const { run, settle } = await play([
      { do: 'append', key: 'k', value: 'a', via: 'other' },
      { do: 'wait', until: { kind: 'replied', request: 'last', status: 'ok' } },
      { do: 'append', key: 'k', value: 'b' },
    ]);
    expect(await settle({ kind: 'stateMachine', node: 'all', key: 'k', value: 'ab' })).toBe(true);
    expect(run.holds({ kind: 'stateMachine', node: 'other', key: 'k', value: 'ab' })).toBe(true);
    expect(run.holds({ kind: 'stateMachine', node: 'chief', key: 'k', value: 'ba' })).toBe(false);
    expect(run.holds({ kind: 'stateMachine', node: 'chief', key: 'z', value: null })).toBe(true);
    expect(run.holds({ kind: 'replied', request: 1, duplicate: false })).toBe(true);
  });

  it('a crashed server has no state machine to read, and an unknown one is false', async () => {
    const { run } = await play([{ do: 'crash', node: 'other' }]);
    expect(run.holds({ kind: 'stateMachine', node: 'other', key: 'k', value: null })).toBe(false);
    expect(run.holds({ kind: 'stateMachine', node: 'nobody', key: 'k', value: null })).toBe(false);
    expect(run.holds({ kind: 'stateMachine', node: 'all', key: 'k', value: null })).toBe(true);
  });

  it('stored counts the disks holding the entry, before it commits', async () => {
    const { run, settle } = await play([{ do: 'append', key: 'k', value: 'a' }]);
    expect(run.holds({ kind: 'stored', request: 'last', count: 1 })).toBe(false);
    expect(await settle({ kind: 'stored', request: 'last', count: 2 })).toBe(true);
    expect(await settle({ kind: 'stored', request: 'last', count: 3 })).toBe(true);
    expect(run.holds({ kind: 'stored', request: 'last', count: 4 })).toBe(false);
  });
});

describe('compact cues and snapshots', () => {
  const compacted: readonly Cue[] = [
    ...X_IS_1,
    { do: 'write', key: 'y', value: '2' },
    { do: 'wait', until: { kind: 'committed', request: 'last' } },
    { do: 'compact', node: 'chief' },
    // The server takes the snapshot when it next steps, as for any input.
    { do: 'wait', until: { kind: 'snapshotAt', node: 'chief' }, maxMs: 50 },
  ];

  it('a compact cue gives the server a snapshot covering what it applied', async () => {
    const { sim, run } = await play(compacted);
    const chief = sim.nodeView(run.node('chief')!);
    expect(chief.logBase).toBe(chief.lastApplied);
    expect(run.holds({ kind: 'snapshotAt', node: 'chief' })).toBe(true);
    expect(run.holds({ kind: 'snapshotAt', node: 'chief', request: 'last' })).toBe(true);
    expect(run.holds({ kind: 'snapshotAt', node: 'chief', atLeast: chief.logBase })).toBe(true);
    expect(run.holds({ kind: 'snapshotAt', node: 'chief', atLeast: chief.logBase + 1 })).toBe(
      false,
    );
    expect(run.holds({ kind: 'snapshotAt', node: 'other' })).toBe(false);
    expect(run.holds({ kind: 'snapshotAt', node: 'nobody' })).toBe(false);
  });

  it('a snapshot that does not reach the request’s entry does not cover it', async () => {
    const { run, settle } = await play([...compacted, { do: 'write', key: 'z', value: '3' }]);
    expect(await settle({ kind: 'committed', request: 'last' })).toBe(true);
    expect(run.holds({ kind: 'snapshotAt', node: 'chief', request: 2 })).toBe(true);
    expect(run.holds({ kind: 'snapshotAt', node: 'chief', request: 'last' })).toBe(false);
  });

  it('a snapshot focus points at the block up to the last index it covers, and is left out without one', async () => {
    const lesson = scene(compacted);
    const focused: Lesson = {
      ...lesson,
      steps: [
        {
          ...lesson.steps[0]!,
          focus: [
            { kind: 'snapshot', node: 'chief' },
            { kind: 'snapshot', node: 'other' },
          ],
        },
      ],
    };
    const sim = createSimulation(lessonOptions(focused));
    const run = await reachStep(focused, sim, 0);
    const chief = run.node('chief')!;
    expect(run.focus()).toEqual([
      { kind: 'snapshot', node: chief, index: sim.nodeView(chief).logBase },
    ]);
  });
});

describe('the stale-read lesson', () => {
  const lesson = lessonById('stale-read')!;
  const local = lesson.steps.findIndex((s) =>
    s.cues?.some((c) => c.do === 'read' && c.mode === 'local'),
  );

  it('the local read on the deposed leader is the one the linearizability checker names', async () => {
    const sim = createSimulation(lessonOptions(lesson, local));
    const run = await reachStep(lesson, sim, local);
    expect(sim.violations()).toEqual([]);
    expect(await run.finish()).toBe(true);
    expect(sim.violations().map((v) => v.ruleId)).toEqual(['linearizability']);
    expect(sim.violations()[0]!.finding).toMatchObject({
      code: 'staleRead',
      request: run.request('last'),
      key: 'x',
      value: '"1"',
      expected: '"2"',
    });
  });

  it('the same read in readIndex mode instead: refused, and no checker fires', async () => {
    const steps = lesson.steps.map((s, i) =>
      i === local
        ? { ...s, cues: [{ do: 'read', key: 'x', via: 'old', mode: 'readIndex' } as const] }
        : s,
    );
    const safe = { ...lesson, steps };
    const sim = createSimulation(lessonOptions(safe, local));
    const run = await reachStep(safe, sim, local);
    expect(await run.finish()).toBe(true);
    expect(run.holds({ kind: 'replied', request: 'last', failure: 'leadershipUnconfirmed' })).toBe(
      true,
    );
    expect(sim.violations()).toEqual([]);
  });

  it('with CheckQuorum the first lease ends before the majority elects a new leader', async () => {
    // The step after the first lease read, which was answered while the lease held.
    const election = lesson.steps.findIndex((s) => s.predict?.correct === 'answers') + 1;
    const sim = createSimulation(lessonOptions(lesson, election));
    const run = await reachStep(lesson, sim, election);
    const lease = sim.requestViews(8).find((r) => r.id === run.request('last'))!.read!;
    expect(lease).toMatchObject({ mode: 'lease', value: '1' });
    expect(lease.leaseUntil).toBeGreaterThan(0);
    expect(await run.runUntil({ kind: 'newLeader', not: 'old' }, 3000)).toBe(true);
    expect(sim.now).toBeGreaterThanOrEqual(lease.leaseUntil);
    expect(sim.violations()).toEqual([]);
  });
});

describe('the snapshot-repair lesson', () => {
  const lesson = lessonById('snapshot-repair')!;
  const repair = lesson.steps.findIndex((s) =>
    s.focus?.some((f) => f.kind === 'message' && f.message === 'InstallSnapshot'),
  );

  it('the restarted follower is repaired by one snapshot from the leader, then entries', async () => {
    const sim = createSimulation(lessonOptions(lesson, repair));
    const run = await reachStep(lesson, sim, repair);
    const [chief, lagger] = [run.node('chief')!, run.node('lagger')!];
    const start = sim.now;
    expect(await run.finish()).toBe(true);
    const installs = sim
      .trace()
      .filter((e) => e.kind === 'step' && e.at >= start && e.message?.kind === 'InstallSnapshot');
    expect(installs.length).toBeGreaterThan(0);
    expect(installs.every((e) => e.kind === 'step' && e.node === lagger)).toBe(true);
    const [lead, lag] = [sim.nodeView(chief), sim.nodeView(lagger)];
    expect(lag.logBase).toBe(lead.logBase);
    expect(lag.log.length).toBeGreaterThan(0);
    expect([...lag.kv]).toEqual([...lead.kv]);
  });

  it('without the leader’s compaction the same follower catches up by entries alone', async () => {
    const steps = lesson.steps.map((s) => ({
      ...s,
      cues: s.cues?.filter((c) => !(c.do === 'compact' && c.node === 'chief')),
    }));
    const uncompacted = { ...lesson, steps };
    const sim = createSimulation(lessonOptions(uncompacted, repair));
    const run = await reachStep(uncompacted, sim, repair);
    expect(await run.runUntil({ kind: 'logsAgree' }, 1000)).toBe(true);
    expect(run.holds({ kind: 'snapshotAt', node: 'lagger' })).toBe(false);
    expect(run.happened()).toBe('entries');
  });

  it('a restart loads the snapshot: commitIndex and lastApplied start at its last index', async () => {
    const sim = createSimulation(lessonOptions(lesson, repair + 1));
    const run = await reachStep(lesson, sim, repair + 1);
    const lag = sim.nodeView(run.node('lagger')!);
    expect(lag.logBase).toBeGreaterThan(0);
    expect(lag.commitIndex).toBe(lag.logBase);
    expect(lag.lastApplied).toBe(lag.logBase);
    expect(lag.log.length).toBeGreaterThan(0);
  });
});

describe('the duplicate-write lesson', () => {
  const lesson = lessonById('duplicate-write')!;

  /** Walks the lesson to its task step and reads the append's life there. */
  async function appendLife(l: Lesson) {
    const task = l.steps.findIndex((s) => s.task);
    const sim = createSimulation(lessonOptions(l));
    const run = new LessonRun(l, sim);
    const ended: boolean[] = [];
    for (let i = 0; i < task; i++) {
      await run.enter(i);
      ended.push(await run.finish());
    }
    const chief = sim.nodeView(run.node('chief')!);
    const copies = chief.log.filter((e) => e.requestId === run.request(1)).length;
    const view = sim.requestViews(8).find((r) => r.id === run.request(1))!;
    return { ended, copies, view, k: chief.kv.get('k') };
  }

  it('the retried append is in the log twice, applied once, and answered with the saved reply', async () => {
    const { ended, copies, view, k } = await appendLife(lesson);
    expect(ended.every(Boolean)).toBe(true);
    expect(copies).toBe(2);
    expect(k).toBe('x');
    expect(view.retries.length).toBeGreaterThan(0);
    expect(view.duplicateAt).toHaveLength(1);
    expect(view.answeredAsDuplicate).toBe(true);
    // The saved reply names the first copy's index, not the duplicate's.
    expect(view.duplicateAt[0]).toBeGreaterThan(view.index!);
  });

  it('without retries the client is never answered and the log holds one copy', async () => {
    const noRetry = { ...lesson, settings: { ...lesson.settings, clientRetryMs: 0 } };
    const { ended, copies, view } = await appendLife(noRetry);
    expect(ended).toEqual([true, true, false, false]);
    expect(copies).toBe(1);
    expect(view.retries).toEqual([]);
    expect(view.duplicateAt).toEqual([]);
    expect(view.stage).not.toBe('acknowledged');
  });
});
