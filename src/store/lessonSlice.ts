// The lesson slice (store layer): plays a lesson of the course on the live cluster. A step's
// world is rebuilt from the lesson alone (course/runner.ts), so Back, a step list and a link
// all land in exactly the same state; Next goes on in place when nothing but the lesson acted.
// The step then plays at the person's speed and pauses by itself when its "finished when"
// holds; a prediction waits for an answer first, and a "your turn" task waits for its goal.
// Raft is decided in the simulator, what a step means in the course layer; this only drives.
import type { Condition, CourseSim, Lesson, LessonRun, Step } from '../course';
import { lessonById, lessonOptions, reachStep, stepBound } from '../course';
import type { SimAction } from '../sim';
import { resolveOptions } from '../sim';
import type { RecordedAction } from './actions';
import type { Kernel } from './kernel';
import { NEVER, exclusive, notify, publish, simOf } from './kernel';
import type { LabState, LessonData, LessonIntents, LessonState } from './labTypes';
import type { LessonLink } from './lessonLink';
import { linkFor } from './preferences';
import { forgetSaved } from './rewrite';
import { boot, pauseNow } from './runtime';
import type { Settings } from './settings';
import { settingsFromOptions } from './settings';

/** Local-storage key of the course progress: { [lessonId]: { reached, done } }. */
export const PROGRESS_KEY = 'raft-lab.course';

/** The lesson's live resources: its run (names, writes) and what the step waits for. */
interface LessonPlay {
  readonly lesson: Lesson;
  readonly run: LessonRun;
  /** Nothing but the lesson acted since the step's world was built: Next may go on in place. */
  clean: boolean;
  /** The event count when the step finished, or null while it has not. */
  finishedAt: number | null;
  /** What the live run waits for (the step's end, the task's goal), or null once met. */
  watch: Condition | null;
  /** The event count when the step began to play (or to ask). */
  startedAt: number;
}

/** Reads saved progress, keeping only known lessons and well-formed entries. */
export function readProgress(raw: string | null): LessonData['progress'] {
  let parsed: unknown;
  try {
    parsed = raw === null ? null : JSON.parse(raw);
  } catch {
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
  const progress: Record<string, { reached: number; done: boolean }> = {};
  for (const [id, value] of Object.entries(parsed as Record<string, unknown>)) {
    const lesson = lessonById(id);
    if (!lesson || typeof value !== 'object' || value === null) continue;
    const { reached, done } = value as Record<string, unknown>;
    if (typeof reached !== 'number' || !Number.isInteger(reached)) continue;
    if (reached < 0 || reached >= lesson.steps.length || typeof done !== 'boolean') continue;
    progress[lesson.id] = { reached, done };
  }
  return progress;
}

export function initialLesson(load: (key: string) => string | null): LessonData {
  return { lesson: null, progress: readProgress(loadSafely(load)) };
}

function loadSafely(load: (key: string) => string | null): string | null {
  try {
    return load(PROGRESS_KEY);
  } catch {
    // Storage the browser refuses (private mode, blocked cookies): no progress, nothing breaks.
    return null;
  }
}

/** The full settings of a lesson step's cluster, as the Settings panel and link show them. */
export function lessonSettings(lesson: Lesson, step: number): Settings {
  // The simulator's own defaults fill what the lesson leaves out, exactly as the headless runs
  // that the course tests check get them.
  return settingsFromOptions(resolveOptions(lessonOptions(lesson, step)));
}

/** The live cluster as the course runner sees it, whichever session is current (a rewind swaps it). */
function liveSim(k: Kernel): CourseSim {
  return {
    get now() {
      return simOf(k).now;
    },
    nodeIds: () => simOf(k).nodeIds(),
    facts: () => simOf(k).facts(),
    nodeView: (id) => simOf(k).nodeView(id),
    requestViews: (limit) => simOf(k).requestViews(limit),
    violations: () => simOf(k).violations(),
    apply: (action) => simOf(k).apply(action),
    runUntil: (predicate, maxMs) => simOf(k).runUntil(predicate, maxMs),
  };
}

export function lessonIntents(
  k: Kernel,
  pending: LessonLink | null,
): LessonIntents & {
  start(): Promise<void>;
  applySettings: LabState['applySettings'];
} {
  let play: LessonPlay | null = null;
  const runtimeStart = k.get().start;
  const runtimeApply = k.get().applySettings;

  /** Records the lesson's own actions, as the person's are, so a rewind replays them too. */
  const record = (recorded: RecordedAction[]) => (action: SimAction) => {
    const sim = simOf(k);
    recorded.push({ action, at: sim.now, eventCount: sim.eventCount() });
  };

  const saveProgress = (id: string, step: number, done: boolean) => {
    const before = k.get().progress[id];
    const reached = Math.max(before?.reached ?? 0, step);
    const next = { reached, done: (before?.done ?? false) || done };
    if (before && before.reached === next.reached && before.done === next.done) return;
    const progress = { ...k.get().progress, [id]: next };
    k.set({ progress });
    try {
      k.persistence.save(PROGRESS_KEY, JSON.stringify(progress));
    } catch {
      // Storage may be full or refused; progress then lasts for this visit only.
    }
  };

  const setLesson = (patch: Partial<LessonState>) => {
    const lesson = k.get().lesson;
    if (lesson) k.set({ lesson: { ...lesson, ...patch } });
  };

  /** The names and focus of the step now (they follow the leader and the newest entries). */
  const refresh = () => {
    if (!play || !k.get().lesson) return;
    const names = { ...play.run.names() };
    const leader = simOf(k).facts().leader;
    if (leader !== null) names.leader = leader;
    const focus = play.run.focus();
    const lesson = k.get().lesson!;
    const same =
      JSON.stringify(lesson.names) === JSON.stringify(names) &&
      JSON.stringify(lesson.focus) === JSON.stringify(focus);
    if (!same) setLesson({ names, focus });
  };

  /** After every publish: did the step (or the task) just finish? */
  const afterPublish = () => {
    if (!play) return;
    refresh();
    if (!play.watch || !play.run.holds(play.watch)) return;
    play.watch = null;
    play.finishedAt = simOf(k).eventCount();
    const step = play.run.step;
    const lesson = k.get().lesson!;
    pauseNow(k);
    const solved = lesson.phase === 'task';
    setLesson({
      phase: solved ? 'solved' : 'done',
      happened: step.predict ? play.run.happened() : null,
    });
    saveProgress(play.lesson.id, lesson.step, lesson.step === play.lesson.steps.length - 1);
  };

  /** What the live run waits for from now on; nothing outside a step that plays. */
  const watching = (condition: Condition | null) => {
    const p = play;
    if (p) p.watch = condition;
    k.res.watchHolds = p && condition ? () => p.run.holds(condition) : NEVER;
  };

  /** Starts the step playing (or waiting for an answer) once its world stands ready. */
  const begin = () => {
    const p = play!;
    const step = p.run.step;
    const phase = step.predict ? 'ask' : step.task ? 'task' : 'playing';
    p.startedAt = simOf(k).eventCount();
    setLesson({ phase, answer: null, happened: null, shown: false });
    refresh();
    if (phase === 'ask') return watching(null);
    watching(step.task ? step.task.done : step.until);
    afterPublish();
    if (play?.watch) k.get().play();
  };

  // Every build, Next and leave takes the next generation; a task or a continuation that finds
  // a later one has been superseded (a second click, Back during Next, the settings) and stops.
  let generation = 0;

  /** Rebuilds step `index` of lesson `l` from the lesson alone, on a fresh cluster. */
  const build = async (l: Lesson, index: number, solution = false) => {
    const mine = ++generation;
    pauseNow(k);
    forgetSaved(k);
    k.get().cancelRewrite();
    watching(null);
    play = null;
    k.set({
      settings: lessonSettings(l, index),
      status: 'starting',
      statusMessage: null,
      selection: null,
      pausedBecause: null,
      lesson: {
        id: l.id,
        step: index,
        phase: 'building',
        answer: null,
        happened: null,
        focus: [],
        names: {},
        shown: solution,
      },
    });
    k.persistence.writeQuery(linkFor(k.get()));
    let built: LessonPlay | null = null;
    await exclusive(k, async () => {
      if (mine !== generation) return;
      try {
        await boot(k);
      } catch (e) {
        k.set({ status: 'error', statusMessage: (e as Error).message });
        throw e;
      }
      const recorded: RecordedAction[] = [];
      const run = await reachStep(l, liveSim(k), index, record(recorded));
      if (solution && run.step.task) await run.play(run.step.task.solution);
      if (mine !== generation) return;
      k.set({ actions: recorded, status: 'running', cursor: 0 });
      built = { lesson: l, run, clean: true, finishedAt: null, watch: null, startedAt: 0 };
      play = built;
      publish(k, 'head', {}, simOf(k).now);
    });
    if (mine !== generation) return;
    if (!built) {
      // The step could not be built (the notice says why): leave the lesson rather than wait
      // on a scene that never comes; the cluster stays as far as it got.
      leave();
      if (k.get().status === 'starting') k.set({ status: 'running' });
      return;
    }
    saveProgress(l.id, index, false);
    begin();
    if (solution) setLesson({ shown: true });
  };

  /**
   * Whether Next may go on in place: only the lesson acted, the world has not moved past the
   * step's end (nor before an answer), and a task was finished by its own known solution.
   */
  const mayGoOn = (lesson: LessonState, p: LessonPlay | null, next: Step): p is LessonPlay => {
    if (!p || !p.clean || next.settings !== undefined) return false;
    if (lesson.phase === 'solved') return lesson.shown && p.finishedAt === simOf(k).eventCount();
    if (lesson.phase !== 'playing' && lesson.phase !== 'done') return false;
    return p.finishedAt === null || p.finishedAt === simOf(k).eventCount();
  };

  /** Next, in place when the world is exactly the lesson's own; otherwise rebuilt. */
  const next = async () => {
    const lesson = k.get().lesson;
    if (!lesson || lesson.phase === 'building') return;
    const l = lessonById(lesson.id)!;
    const index = lesson.step + 1;
    if (index >= l.steps.length) return;
    const p = play;
    if (!mayGoOn(lesson, p, l.steps[index]!)) return build(l, index);
    const mine = ++generation;
    pauseNow(k);
    watching(null);
    setLesson({ phase: 'building' });
    let entered = false;
    await exclusive(k, async () => {
      if (mine !== generation) return;
      const recorded: RecordedAction[] = [];
      const run = p.run;
      run.onAction = record(recorded);
      // The step's end as written, at full speed, then the next step's cues.
      const step = run.step;
      if (!run.holds(step.until)) {
        const met = await run.runUntil(step.until, stepBound(step));
        if (!met) throw new Error(`lesson ${l.id}: step ${lesson.step + 1} did not finish`);
      }
      await run.enter(index);
      k.set({ actions: [...k.get().actions, ...recorded] });
      p.finishedAt = null;
      entered = true;
      publish(k, 'head', {}, simOf(k).now);
    });
    if (mine !== generation) return;
    // Going on in place failed (the notice says why): build the step from the lesson instead.
    if (!entered) return build(l, index);
    setLesson({ step: index });
    k.persistence.writeQuery(linkFor(k.get()));
    saveProgress(l.id, index, false);
    begin();
  };

  k.res.afterPublish = afterPublish;
  k.res.afterAct = () => {
    if (play) play.clean = false;
  };

  const current = (): Lesson | null => {
    const lesson = k.get().lesson;
    return lesson ? lessonById(lesson.id) : null;
  };

  return {
    start: () => (pending ? openLesson(pending.id, pending.step) : runtimeStart()),
    async applySettings(patch) {
      // Changing the cluster by hand leaves the lesson (the settings panel says so).
      if (k.get().lesson) leave();
      await runtimeApply(patch);
    },
    openLesson,
    nextStep: next,
    previousStep: async () => {
      const lesson = k.get().lesson;
      const l = current();
      if (lesson && l && lesson.step > 0) await build(l, lesson.step - 1);
    },
    async goToStep(step) {
      const l = current();
      const lesson = k.get().lesson;
      if (!l || !lesson || !Number.isInteger(step) || step < 0 || step >= l.steps.length) return;
      if (step === lesson.step + 1) return next();
      await build(l, step);
    },
    restartLesson: async () => {
      const l = current();
      if (l) await build(l, 0);
    },
    exploreFromHere: () => leave(),
    answerPrediction(answer) {
      const lesson = k.get().lesson;
      const p = play;
      const step = p?.run.step;
      if (!p || !lesson || lesson.phase !== 'ask' || !step?.predict) return;
      if (!step.predict.answers.some((a) => a.id === answer)) return;
      // Played or stepped before answering: the world is no longer the step's own.
      if (simOf(k).eventCount() !== p.startedAt) p.clean = false;
      setLesson({ answer, phase: 'playing' });
      watching(step.until);
      afterPublish();
      if (play?.watch) k.get().play();
    },
    async showSolution() {
      const l = current();
      const lesson = k.get().lesson;
      if (!l || !lesson || !l.steps[lesson.step]?.task) return;
      await build(l, lesson.step, true);
    },
  };

  async function openLesson(id: string, step = 0): Promise<void> {
    const lesson = lessonById(id);
    if (!lesson) {
      const shown = typeof id === 'string' ? id.slice(0, 64) : typeof id;
      return notify(k, 'error', { key: 'course.unknownLesson', params: { id: shown } });
    }
    const index = Number.isInteger(step) && step >= 0 && step < lesson.steps.length ? step : 0;
    await build(lesson, index);
  }

  function leave(): void {
    generation++;
    watching(null);
    play = null;
    k.set({ lesson: null });
    k.persistence.writeQuery(linkFor(k.get()));
  }
}
