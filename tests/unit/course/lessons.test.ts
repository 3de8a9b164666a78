// Every lesson of the course, played headless: each step is reachable directly and by walking
// (the same world either way), each "finished when" is met within its bound, each prediction's
// marked answer is what the simulation does, and each "your turn" fires on its solution and not
// when nothing is done. A lesson with a wrong answer marked, or a step that never finishes,
// fails here with its id and step number.
import { describe, expect, it } from 'vitest';
import type { Lesson, Words } from '../../../src/course';
import {
  LESSONS,
  fillNames,
  lessonOptions,
  reachStep,
  settingsAt,
  stepBound,
  worldStart,
} from '../../../src/course';
import { LessonRun } from '../../../src/course';
import { createSimulation } from '../../../src/sim';
import { makeTranslate } from '../../../src/ui/i18n';
import { untilText } from '../../../src/ui/course/untilText';

const COURSE = [
  'majority',
  'election',
  'split-vote',
  'leader-crash',
  'replication',
  'heartbeats',
  'repair',
  'restriction',
  'partition-majority',
  'partition-minority',
  'odd-sizes',
  'figure-8',
  'crash-state',
  'disruptive-server',
  'one-change-at-a-time',
  'adding-a-server',
  'removing-the-leader',
  'leadership-transfer',
  'stale-read',
  'snapshot-repair',
  'duplicate-write',
];

const fresh = (lesson: Lesson, step = 0) => createSimulation(lessonOptions(lesson, step));

/** Names in `words` that no server answers to in `run` right now. */
function unresolved(run: LessonRun, words: Words): string[] {
  const missing: string[] = [];
  for (const text of [words.en, words.zh]) {
    fillNames(text, (name) => {
      const id = run.node(name);
      if (id === null) missing.push(name);
      return id;
    });
  }
  return missing;
}

/** Whether step `i` plays with every Figure 2 rule on (then no Raft safety checker may fire). */
const rulesOnAt = (lesson: Lesson, i: number) =>
  Object.values(settingsAt(lesson, i).rules ?? {}).every(Boolean);

/**
 * Whether the cluster step `i` plays in is sent a `local` read (thesis §6.4): unchecked on
 * purpose, so the linearizability checker may fire there, and only that checker.
 */
function localReadsIn(lesson: Lesson, i: number): boolean {
  const start = worldStart(lesson, i);
  const end = lesson.steps.findIndex((s, k) => k > start && s.settings !== undefined);
  return lesson.steps
    .slice(start, end < 0 ? undefined : end)
    .flatMap((s) => [...(s.cues ?? []), ...(s.task?.solution ?? [])])
    .some((c) => c.do === 'read' && c.mode === 'local');
}

/** The checkers that fired in step `i`'s cluster, but for the ones its own settings allow. */
const unexpectedViolations = (lesson: Lesson, sim: Sim, i: number) =>
  sim.violations().filter((v) => !(localReadsIn(lesson, i) && v.ruleId === 'linearizability'));

/** Every text a step shows, with where it stands. */
function textsOf(lesson: Lesson): [string, Words][] {
  const texts: [string, Words][] = [
    ['title', lesson.title],
    ['teaches', lesson.teaches],
  ];
  lesson.steps.forEach((s, i) => {
    texts.push([`step ${i + 1}`, s.text]);
    if (s.predict) {
      texts.push(
        [`step ${i + 1} question`, s.predict.question],
        [`step ${i + 1} why`, s.predict.why],
      );
      s.predict.answers.forEach((a) => texts.push([`step ${i + 1} answer ${a.id}`, a.text]));
    }
    if (s.task)
      texts.push([`step ${i + 1} goal`, s.task.goal], [`step ${i + 1} hint`, s.task.hint]);
  });
  return texts;
}

type Sim = ReturnType<typeof fresh>;

/**
 * Walks `lesson` as written, on a fresh simulation for each cluster it uses: `entered` sees
 * each step once its cues are done, `finished` once it has run to its end (and whether it got
 * there, in how many virtual ms); `leaving` sees each cluster before the next replaces it.
 */
async function walk(
  lesson: Lesson,
  visit: {
    entered?(run: LessonRun, sim: Sim, i: number): void;
    finished?(run: LessonRun, sim: Sim, i: number, ended: boolean, tookMs: number): void;
    leaving?(sim: Sim, i: number): void;
  },
): Promise<Sim> {
  let sim = fresh(lesson);
  let run = new LessonRun(lesson, sim);
  for (let i = 0; i < lesson.steps.length; i++) {
    if (i > 0 && worldStart(lesson, i) === i) {
      visit.leaving?.(sim, i - 1);
      sim = fresh(lesson, i);
      run = new LessonRun(lesson, sim, undefined, i);
    }
    await run.enter(i);
    visit.entered?.(run, sim, i);
    const before = sim.now;
    const ended = await run.finish();
    visit.finished?.(run, sim, i, ended, sim.now - before);
  }
  return sim;
}

/** Walks `lesson` and lists each prediction whose marked answer did not happen. */
async function wrongMarks(lesson: Lesson): Promise<string[]> {
  const wrong: string[] = [];
  await walk(lesson, {
    finished(run, _sim, i) {
      const p = lesson.steps[i]!.predict;
      if (p && run.happened() !== p.correct) {
        wrong.push(`step ${i + 1}: marked ${p.correct}, happened ${run.happened()}`);
      }
    },
  });
  return wrong;
}

describe('the course', () => {
  it('has the twenty-one lessons in order, by the ids links use', () => {
    expect(LESSONS.map((l) => l.id)).toEqual(COURSE);
  });

  it('catches a prediction marked with an answer the simulation does not give', async () => {
    const lesson = LESSONS[0]!;
    const at = lesson.steps.findIndex((s) => s.predict);
    const predict = lesson.steps[at]!.predict!;
    const other = predict.answers.find((a) => a.id !== predict.correct)!.id;
    const steps = lesson.steps.map((s, i) =>
      i === at ? { ...s, predict: { ...predict, correct: other } } : s,
    );
    expect(await wrongMarks(lesson)).toEqual([]);
    expect(await wrongMarks({ ...lesson, steps })).toEqual([
      `step ${at + 1}: marked ${other}, happened ${predict.correct}`,
    ]);
  });
});

describe.each(LESSONS.map((l) => [l.id, l] as const))('lesson %s', (_id, lesson) => {
  it('has narration in English and Chinese for every text, and every step a text', () => {
    expect(lesson.steps.length).toBeGreaterThanOrEqual(3);
    for (const [where, words] of textsOf(lesson)) {
      expect(words.en.trim(), `${where} (en)`).not.toBe('');
      expect(words.zh.trim(), `${where} (zh)`).not.toBe('');
      expect(words.zh, `${where} (zh) has Chinese`).toMatch(/\p{Script=Han}/u);
    }
  });

  it.each(['en', 'zh'] as const)('words what every step waits for in %s', (language) => {
    const t = makeTranslate(language);
    const name = (ref: number | string) => (typeof ref === 'number' ? `S${ref}` : `{${ref}}`);
    for (const [i, s] of lesson.steps.entries()) {
      const text = untilText(s.task?.done ?? s.until, t, name);
      expect(text, `step ${i + 1}`).not.toContain('⟦');
    }
  });

  it('asks questions with two to four answers, one of them marked', () => {
    for (const [i, s] of lesson.steps.entries()) {
      if (!s.predict) continue;
      const ids = s.predict.answers.map((a) => a.id);
      expect(ids.length, `step ${i + 1}`).toBeGreaterThanOrEqual(2);
      expect(ids.length, `step ${i + 1}`).toBeLessThanOrEqual(4);
      expect(new Set(ids).size, `step ${i + 1}: answer ids repeat`).toBe(ids.length);
      expect(ids, `step ${i + 1}`).toContain(s.predict.correct);
    }
  });

  it('walks from start to end: every step finishes within its bound, the marked answers happen, and every name resolves', async () => {
    const starts: string[] = [];
    const noViolations = (sim: Sim, i: number) => {
      if (rulesOnAt(lesson, i)) {
        expect(unexpectedViolations(lesson, sim, i), `step ${i + 1}`).toEqual([]);
      }
    };
    const last = await walk(lesson, {
      leaving: noViolations,
      entered(run, sim, i) {
        const step = lesson.steps[i]!;
        starts.push(sim.traceHash());
        expect(unresolved(run, step.text), `step ${i + 1} names`).toEqual([]);
        if (step.predict) {
          expect(unresolved(run, step.predict.question), `step ${i + 1} question names`).toEqual(
            [],
          );
        }
        if (step.task) {
          expect(run.holds(step.task.done), `step ${i + 1}: task done before anything`).toBe(false);
        }
      },
      finished(run, _sim, i, ended, tookMs) {
        const step = lesson.steps[i]!;
        expect(ended, `step ${i + 1} finishes`).toBe(true);
        const bound = stepBound(step);
        expect(tookMs, `step ${i + 1} within ${bound} ms`).toBeLessThanOrEqual(bound);
        if (step.predict) {
          const held = step.predict.answers.filter((a) => run.holds(a.when)).map((a) => a.id);
          expect(held, `step ${i + 1}: the answers that happened`).toEqual([step.predict.correct]);
          expect(run.happened()).toBe(step.predict.correct);
        }
        for (const f of step.focus ?? []) {
          expect(run.focus().length, `step ${i + 1}: focus ${JSON.stringify(f)}`).toBeGreaterThan(
            0,
          );
        }
      },
    });
    noViolations(last, lesson.steps.length - 1);
    // Reached directly, each step starts in exactly the world the walk reached.
    for (let i = 0; i < lesson.steps.length; i++) {
      const direct = fresh(lesson, i);
      await reachStep(lesson, direct, i);
      expect(direct.traceHash(), `step ${i + 1} reached directly`).toBe(starts[i]);
    }
  });

  it.each(lesson.steps.flatMap((s, i) => (s.task ? [[i + 1, s] as const] : [])))(
    'step %i: "your turn" does not fire when nothing is done',
    async (n, step) => {
      const sim = fresh(lesson, n - 1);
      const run = await reachStep(lesson, sim, n - 1);
      expect(await run.runUntil(step.task!.done, stepBound(step))).toBe(false);
    },
  );
});
