// The lesson slice (store layer): plays a lesson of the course on the live cluster. A step's
// world is rebuilt from the lesson alone (course/runner.ts), so Back, a step list and a link
// all land in exactly the same state; Next goes on in place when nothing but the lesson acted.
// The step then plays at the person's speed and pauses by itself when its "finished when"
// holds; a prediction waits for an answer first, and a "your turn" task waits for its goal.
// Raft is decided in the simulator, what a step means in the course layer; this only drives.
import type { Condition, CourseSim, Lesson, LessonRun } from '../course';
import { lessonById, reachStep, settingsAt } from '../course';
import type { SimAction } from '../sim';
import type { RecordedAction } from './actions';
import type { Kernel } from './kernel';
import { NEVER, exclusive, notify, publish, simOf } from './kernel';
import type { LabState, LessonData, LessonIntents, LessonState } from './labTypes';
import type { LessonLink } from './lessonLink';
import { linkFor } from './preferences';
import { forgetSaved } from './rewrite';
import { boot, pauseNow } from './runtime';
import type { Settings } from './settings';
import { DEFAULT_SETTINGS } from './settings';

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
  const s = settingsAt(lesson, step);
  // Only the four known rules, whatever else a lesson's object might carry.
  const given = { ...DEFAULT_SETTINGS.rules, ...s.rules };
  return {
    ...DEFAULT_SETTINGS,
    nodes: s.nodes,
    seed: s.seed,
    electionTimeoutMs: s.electionTimeoutMs ?? DEFAULT_SETTINGS.electionTimeoutMs,
    heartbeatMs: s.heartbeatMs ?? DEFAULT_SETTINGS.heartbeatMs,
    latencyMs: s.latencyMs ?? DEFAULT_SETTINGS.latencyMs,
    lossPercent: 0,
    preVote: s.preVote ?? false,
    checkQuorum: s.checkQuorum ?? false,
    maxEntriesPerAppend: s.maxEntriesPerAppend ?? DEFAULT_SETTINGS.maxEntriesPerAppend,
    rules: {
      electionRestriction: given.electionRestriction,
      currentTermCommit: given.currentTermCommit,
      truncateOnlyOnConflict: given.truncateOnlyOnConflict,
      oneVotePerTerm: given.oneVotePerTerm,
    },
  };
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
    setLesson({ phase, answer: null, happened: null, shown: false });
    refresh();
    if (phase === 'ask') return watching(null);
    watching(step.task ? step.task.done : step.until);
    afterPublish();
    if (play?.watch) k.get().play();
  };

  /** Rebuilds step `index` of `lesson` from the lesson alone, on a fresh cluster. */
  const build = async (l: Lesson, index: number, solution = false) => {
    pauseNow(k);
    forgetSaved(k);
    k.get().cancelRewrite();
    watching(null);
    play = null;
    const settings = lessonSettings(l, index);
    k.set({
      settings,
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
    saveProgress(l.id, index, false);
    await exclusive(k, async () => {
      try {
        await boot(k);
      } catch (e) {
        k.set({ status: 'error', statusMessage: (e as Error).message });
        throw e;
      }
      const recorded: RecordedAction[] = [];
      const run = await reachStep(l, liveSim(k), index, record(recorded));
      if (solution && run.step.task) await run.play(run.step.task.solution);
      k.set({ actions: recorded, status: 'running', cursor: 0 });
      play = { lesson: l, run, clean: true, finishedAt: null, watch: null };
      publish(k, 'head', {}, simOf(k).now);
    });
    const shown = k.get().lesson;
    if (!play && shown?.id === l.id && shown.step === index) {
      // The step could not be built (the notice says why): leave the lesson rather than wait
      // on a scene that never comes; the cluster stays as far as it got.
      leave();
      if (k.get().status === 'starting') k.set({ status: 'running' });
      return;
    }
    if (play && shown?.step === index) begin();
    if (play && solution) setLesson({ shown: true });
  };

  /** Next, in place when the world is exactly the lesson's own; otherwise rebuilt. */
  const next = async () => {
    const lesson = k.get().lesson;
    if (!lesson || lesson.phase === 'building') return;
    const l = lessonById(lesson.id)!;
    const index = lesson.step + 1;
    if (index >= l.steps.length) return;
    const p = play;
    const startsFresh = l.steps[index]!.settings !== undefined;
    const inPlace =
      p !== null &&
      p.clean &&
      !startsFresh &&
      lesson.phase !== 'task' &&
      lesson.phase !== 'ask' &&
      (p.finishedAt === null || p.finishedAt === simOf(k).eventCount());
    if (!inPlace) return build(l, index);
    pauseNow(k);
    watching(null);
    setLesson({ phase: 'building' });
    await exclusive(k, async () => {
      const recorded: RecordedAction[] = [];
      const onAction = record(recorded);
      const run = p.run;
      run.onAction = onAction;
      // The step's end as written, at full speed, then the next step's cues.
      if (!run.holds(run.step.until)) {
        const met = await run.runUntil(run.step.until, run.step.maxMs ?? 10_000);
        if (!met) throw new Error(`lesson ${l.id}: step ${lesson.step + 1} did not finish`);
      }
      await run.enter(index);
      k.set({ actions: [...k.get().actions, ...recorded] });
      p.finishedAt = null;
      publish(k, 'head', {}, simOf(k).now);
    });
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
      const step = play?.run.step;
      if (!lesson || lesson.phase !== 'ask' || !step?.predict) return;
      if (!step.predict.answers.some((a) => a.id === answer)) return;
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
      return notify(k, 'error', { key: 'app.course.unknownLesson', params: { id: String(id) } });
    }
    const index = Number.isInteger(step) && step >= 0 && step < lesson.steps.length ? step : 0;
    await build(lesson, index);
  }

  function leave(): void {
    watching(null);
    play = null;
    k.set({ lesson: null });
    k.persistence.writeQuery(linkFor(k.get()));
  }
}
