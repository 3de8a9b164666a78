// The course's words for membership changes and leadership transfer (Raft thesis ch. 4, §3.10),
// played headless: the cues that add, remove, re-vote and hand over with servers by reference,
// the conditions that read the configuration, a server's membership and a transfer, and the
// claims the four membership lessons rest on — the one-change lesson's violation comes from the
// rule being off and from nothing else; a transfer wins within one election timeout.
import { describe, expect, it } from 'vitest';
import type { Condition, Cue, Lesson } from '../../../src/course';
import { LessonRun, lessonById, lessonOptions, reachStep } from '../../../src/course';
import { createSimulation } from '../../../src/sim';

/** A one-step lesson on three servers whose step plays `cues` after the first leader settles. */
function scene(cues: readonly Cue[]): Lesson {
  return {
    id: 'scene',
    title: { en: 'scene', zh: '场景' },
    teaches: { en: 'scene', zh: '场景' },
    settings: { nodes: 3, seed: 4 },
    steps: [
      {
        text: { en: 'scene', zh: '场景' },
        cues: [
          { do: 'wait', until: { kind: 'logsAgree' } },
          { do: 'mark', name: 'chief', pick: 'leader' },
          ...cues,
        ],
        until: { kind: 'leaderElected' },
      },
    ],
  };
}

async function play(cues: readonly Cue[]) {
  const lesson = scene(cues);
  const sim = createSimulation(lessonOptions(lesson));
  const run = await reachStep(lesson, sim, 0);
  const settle = (c: Condition) => run.runUntil(c, 3000);
  return { sim, run, settle };
}

type Sim = ReturnType<typeof createSimulation>;

/** The command a client request carried, as the read model keeps it. */
const commandOf = (sim: Sim, id: number) => sim.requestViews(64).find((r) => r.id === id)!.command;

describe('membership cues', () => {
  it('addServer names the new server, and its request is the lesson’s own', async () => {
    const { sim, run, settle } = await play([{ do: 'addServer', name: 'fresh' }]);
    expect(run.node('fresh')).toBe(4);
    expect(commandOf(sim, run.request('last')!).kind).toBe('addServer');
    expect(await settle({ kind: 'member', node: 'fresh', is: 'learner' })).toBe(true);
    expect(await settle({ kind: 'member', node: 'fresh', is: 'voter' })).toBe(true);
    expect(await settle({ kind: 'replied', request: 'last', status: 'ok' })).toBe(true);
  });

  it('removeServer takes a reference, so a lesson can remove whichever server leads', async () => {
    const { sim, run, settle } = await play([{ do: 'removeServer', node: 'leader' }]);
    const chief = run.node('chief')!;
    expect(commandOf(sim, run.request(1)!)).toMatchObject({ kind: 'removeServer', id: chief });
    expect(await settle({ kind: 'member', node: 'chief', is: 'outside' })).toBe(true);
    expect(await settle({ kind: 'newLeader', not: 'chief' })).toBe(true);
  });

  it('changeVoters passes through a joint configuration, which the conditions see', async () => {
    const { run, settle } = await play([
      { do: 'addServer', name: 'fresh' },
      { do: 'wait', until: { kind: 'replied', request: 1, status: 'ok' } },
      { do: 'mark', name: 'other', pick: 'follower', except: ['fresh'] },
      { do: 'changeVoters', voters: ['chief', 'fresh'] },
    ]);
    const joint: Condition = { kind: 'configuration', joint: true };
    expect(await settle(joint)).toBe(true);
    // During the change the voters read are C_new's; the conditions say whether it is joint.
    expect(run.holds({ kind: 'configuration', voters: ['fresh', 'chief'], joint: true })).toBe(
      true,
    );
    expect(run.holds({ kind: 'configuration', voters: ['chief', 'fresh'], joint: false })).toBe(
      false,
    );
    const done: Condition = { kind: 'configuration', count: 2, excludes: ['other'], joint: false };
    expect(await settle(done)).toBe(true);
    expect(run.holds({ kind: 'configuration', includes: ['chief', 'fresh'] })).toBe(true);
    expect(run.holds({ kind: 'member', node: 'other', is: 'outside' })).toBe(true);
    // The client hears back once C_new is committed (and applied).
    expect(await settle({ kind: 'replied', request: 'last', status: 'ok' })).toBe(true);
  });

  it('transferLeadership hands over to the server named, and the conditions see it under way', async () => {
    const { sim, run, settle } = await play([
      { do: 'mark', name: 'heir', pick: 'follower', nth: 1 },
      { do: 'transferLeadership', to: 'heir' },
    ]);
    const underWay: Condition = { kind: 'transferring', node: 'chief', to: 'heir' };
    expect(await settle(underWay)).toBe(true);
    expect(run.holds({ kind: 'transferring', node: 'chief', to: 'chief' })).toBe(false);
    // The step began at term 0, before the first election: one term past the current one.
    const next: Condition = {
      kind: 'nodeTermRises',
      node: 'heir',
      by: sim.facts().highestTerm + 1,
    };
    expect(run.holds(next)).toBe(false);
    expect(await settle({ kind: 'role', node: 'heir', role: 'leader' })).toBe(true);
    expect(run.holds(next)).toBe(true);
    expect(run.holds(underWay)).toBe(false);
  });
});

describe('membership conditions', () => {
  it('name a server that is not there: false, never a throw', async () => {
    const { run } = await play([]);
    expect(run.holds({ kind: 'configuration', includes: ['nobody'] })).toBe(false);
    expect(run.holds({ kind: 'configuration', excludes: [9] })).toBe(false);
    expect(run.holds({ kind: 'configuration', node: 'nobody', count: 3 })).toBe(false);
    expect(run.holds({ kind: 'member', node: 'nobody', is: 'outside' })).toBe(false);
    expect(run.holds({ kind: 'transferring', node: 'nobody' })).toBe(false);
    expect(run.holds({ kind: 'configuration', count: 3, joint: false })).toBe(true);
  });
});

describe('the membership lessons', () => {
  const oneChange = lessonById('one-change-at-a-time')!;
  const unsafe = oneChange.steps.findIndex((s) => s.settings?.rules?.oneChangeAtATime === false);

  it('one change at a time: the step with the rule off ends with Configurations Overlap', async () => {
    expect(unsafe).toBeGreaterThan(0);
    const sim = createSimulation(lessonOptions(oneChange, unsafe));
    const run = await reachStep(oneChange, sim, unsafe);
    expect(await run.finish()).toBe(true);
    expect(sim.violations().map((v) => v.ruleId)).toEqual(['configurationsOverlap']);
    expect(sim.violations()[0]!.finding).toMatchObject({ code: 'disjointMajorities' });
  });

  it('one change at a time: with the rule on, the same cues never break it', async () => {
    const steps = oneChange.steps.map((s, i) =>
      i === unsafe ? { ...s, settings: { ...s.settings!, rules: {} } } : s,
    );
    const safe = { ...oneChange, steps };
    const sim = createSimulation(lessonOptions(safe, unsafe));
    const run = await reachStep(safe, sim, unsafe);
    expect(await run.finish()).toBe(false);
    expect(sim.violations()).toEqual([]);
    // The leader turned the second removal away instead.
    expect(run.holds({ kind: 'replied', request: 2, status: 'failed' })).toBe(true);
  });

  it('one change at a time: only the steps with the rule off see a violation', async () => {
    const after: string[][] = [];
    let sim = createSimulation(lessonOptions(oneChange));
    let run = new LessonRun(oneChange, sim);
    for (let i = 0; i < oneChange.steps.length; i++) {
      if (i > 0 && oneChange.steps[i]!.settings) {
        sim = createSimulation(lessonOptions(oneChange, i));
        run = new LessonRun(oneChange, sim, undefined, i);
      }
      await run.enter(i);
      expect(await run.finish(), `step ${i + 1}`).toBe(true);
      after.push([...new Set(sim.violations().map((v) => v.ruleId))]);
    }
    expect(after[unsafe]).toEqual(['configurationsOverlap']);
    // The split that follows lets each side commit: the state machines diverge.
    expect(after[unsafe + 1]).toContain('stateMachineSafety');
    after.forEach((ids, i) => {
      if (i !== unsafe && i !== unsafe + 1) expect(ids, `step ${i + 1}`).toEqual([]);
    });
  });

  it('leadership transfer: TimeoutNow reaches the target, which wins within one election timeout', async () => {
    const lesson = lessonById('leadership-transfer')!;
    const at = lesson.steps.findIndex((s) =>
      s.focus?.some((f) => f.kind === 'message' && f.message === 'TimeoutNow'),
    );
    const sim = createSimulation(lessonOptions(lesson, at));
    const run = await reachStep(lesson, sim, at);
    const start = sim.now;
    const heir = run.node('heir')!;
    expect(await run.finish()).toBe(true);
    expect(sim.facts().leader).toBe(heir);
    expect(sim.now - start).toBeLessThan(sim.options.electionTimeoutMs[0]);
    const delivered = sim
      .trace()
      .filter((e) => e.kind === 'step' && e.at >= start && e.message?.kind === 'TimeoutNow');
    expect(delivered.map((e) => (e.kind === 'step' ? e.node : null))).toEqual([heir]);
  });

  it('adding a server: the newcomer is a learner, not a voter, while the write commits', async () => {
    const lesson = lessonById('adding-a-server')!;
    const at = lesson.steps.findIndex((s) =>
      s.cues?.some((c) => c.do === 'addServer' && c.name !== undefined),
    );
    const sim = createSimulation(lessonOptions(lesson, at));
    const run = await reachStep(lesson, sim, at);
    expect(await run.finish()).toBe(true);
    const fresh = sim.nodeView(run.node('fresh')!);
    expect(fresh.member).toBe('learner');
    expect(sim.facts().voters).not.toContain(fresh.id);
    expect(fresh.log.length).toBeLessThan(sim.nodeView(run.node('chief')!).log.length);
  });
});
