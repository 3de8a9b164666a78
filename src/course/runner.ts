// Plays a lesson against a simulation (course layer): the same code walks it in the unit tests
// (the in-process simulation) and in the browser (the worker-driven one, through the store).
// A step's start is rebuilt from the lesson alone — its settings, seed and every earlier step's
// cues and finish — so any step can be reached directly and is the same every time.
import type { SimAction, SimOptionsInput } from '../sim';
import type { SimReads, Scene } from './conditions';
import { holds } from './conditions';
import type { Condition, Cue, Focus, Lesson, LessonSettings, NodeRef, Step, Words } from './types';

/** A simulation the runner can drive: the reads, `apply`, and a run until a condition holds. */
export interface CourseSim extends SimReads {
  apply(action: SimAction): number | null;
  runUntil(predicate: () => boolean, maxMs: number): boolean | Promise<boolean>;
}

/** The longest any step or wait may run unless it says otherwise, in virtual ms. */
export const DEFAULT_STEP_MS = 10_000;

/** The most virtual ms a step may run to its end (its task's bound, its own, or the default). */
export function stepBound(step: Step): number {
  return step.task?.maxMs ?? step.maxMs ?? DEFAULT_STEP_MS;
}

/** A lesson that cannot be played as written: a bug in the lesson, named for its author. */
export class LessonError extends Error {
  constructor(
    readonly lesson: string,
    readonly step: number,
    message: string,
  ) {
    super(`lesson ${lesson}, step ${step + 1}: ${message}`);
  }
}

/** A focus with every server resolved: what the screen highlights. */
export type ShownFocus =
  | { readonly kind: 'node'; readonly node: number }
  | { readonly kind: 'link'; readonly a: number; readonly b: number }
  | { readonly kind: 'message'; readonly message: Extract<Focus, { kind: 'message' }>['message'] }
  | { readonly kind: 'entry'; readonly node: number; readonly index: number }
  | { readonly kind: 'field'; readonly field: string; readonly node: number | null }
  /** A server's snapshot (§5), up to `index` (its last included index). */
  | { readonly kind: 'snapshot'; readonly node: number; readonly index: number }
  | { readonly kind: 'client' };

/** The step at or before `index` whose world the step plays in: where its cluster started. */
export function worldStart(lesson: Lesson, index: number): number {
  for (let i = Math.min(index, lesson.steps.length - 1); i > 0; i--) {
    if (lesson.steps[i]!.settings) return i;
  }
  return 0;
}

/** The settings of the cluster step `index` (default: the first) plays in. */
export function settingsAt(lesson: Lesson, index = 0): LessonSettings {
  return lesson.steps[worldStart(lesson, index)]!.settings ?? lesson.settings;
}

/** The simulation options for step `index`'s cluster: make a fresh simulation with these. */
export function lessonOptions(lesson: Lesson, index = 0): SimOptionsInput {
  const s = settingsAt(lesson, index);
  return {
    nodes: s.nodes,
    seed: s.seed,
    ...(s.electionTimeoutMs ? { electionTimeoutMs: [...s.electionTimeoutMs] } : {}),
    ...(s.heartbeatMs !== undefined ? { heartbeatMs: s.heartbeatMs } : {}),
    ...(s.latencyMs ? { latencyMs: [...s.latencyMs] } : {}),
    ...(s.preVote !== undefined ? { preVote: s.preVote } : {}),
    ...(s.checkQuorum !== undefined ? { checkQuorum: s.checkQuorum } : {}),
    ...(s.dropRate !== undefined ? { dropRate: s.dropRate } : {}),
    ...(s.snapshotEvery !== undefined ? { snapshotEvery: s.snapshotEvery } : {}),
    ...(s.clientRetryMs !== undefined ? { clientRetryMs: s.clientRetryMs } : {}),
    ...(s.maxEntriesPerAppend !== undefined ? { maxEntriesPerAppend: s.maxEntriesPerAppend } : {}),
    ...(s.rules ? { rules: { ...s.rules } } : {}),
  };
}

/** One lesson being played on one simulation: its names, its writes and the step it is in. */
export class LessonRun implements Scene {
  private readonly marks = new Map<string, number>();
  /** The lesson's own client requests — writes, reads, membership — in the order sent. */
  private readonly requests: number[] = [];
  private index: number;
  private term = 0;
  private commit = 0;
  private at = 0;

  /**
   * A run on `sim`, a fresh simulation made with `lessonOptions(lesson, from)`, where `from` is
   * the first step (or one that starts a fresh cluster): the next step entered is `from`.
   */
  constructor(
    readonly lesson: Lesson,
    readonly sim: CourseSim,
    /** Sees every action just before it applies, e.g. for the store to record it. */
    public onAction: (action: SimAction) => void = () => {},
    readonly from = 0,
  ) {
    if (worldStart(lesson, from) !== from) {
      throw new LessonError(lesson.id, from, 'a run starts at the first step or a fresh cluster');
    }
    this.index = from - 1;
  }

  get stepIndex(): number {
    return this.index;
  }

  get step(): Step {
    const step = this.lesson.steps[this.index];
    if (!step) throw new LessonError(this.lesson.id, this.index, 'no such step');
    return step;
  }

  get startTerm(): number {
    return this.term;
  }

  get startCommit(): number {
    return this.commit;
  }

  get startAt(): number {
    return this.at;
  }

  /** The names given so far, e.g. { old: 3 }: they travel with the run to the screen. */
  names(): Record<string, number> {
    return Object.fromEntries(this.marks);
  }

  node(ref: NodeRef): number | null {
    if (typeof ref === 'number') return this.sim.nodeIds().includes(ref) ? ref : null;
    if (ref === 'leader') return this.sim.facts().leader;
    return this.marks.get(ref) ?? null;
  }

  request(which: 'last' | number): number | null {
    const list = this.requests;
    const id = which === 'last' ? list[list.length - 1] : list[which - 1];
    return id ?? null;
  }

  holds(condition: Condition): boolean {
    return holds(condition, this.sim, this);
  }

  /**
   * Enters step `i` (the next one, or the first): its cues run now. A step with its own
   * settings needs a fresh run on a fresh simulation (`reachStep` makes one).
   */
  async enter(i: number): Promise<void> {
    if (i !== this.index + 1) {
      throw new LessonError(this.lesson.id, i, `entered after step ${this.index + 1}`);
    }
    if (i !== this.from && worldStart(this.lesson, i) === i) {
      throw new LessonError(this.lesson.id, i, 'this step starts a fresh cluster');
    }
    this.index = i;
    this.term = this.sim.facts().highestTerm;
    this.commit = Math.max(0, ...this.sim.nodeIds().map((id) => this.sim.nodeView(id).commitIndex));
    this.at = this.sim.now;
    await this.play(this.step.cues ?? []);
  }

  /**
   * Runs the step to its end as the lesson is written: a task step plays its solution first.
   * Returns whether `until` held within the step's bound.
   */
  async finish(): Promise<boolean> {
    const step = this.step;
    if (step.task) await this.play(step.task.solution);
    if (this.holds(step.until)) return true;
    return this.runUntil(step.until, stepBound(step));
  }

  /** Runs until `condition` holds or `maxMs` pass; whether it held. */
  async runUntil(condition: Condition, maxMs: number): Promise<boolean> {
    return this.sim.runUntil(() => this.holds(condition), maxMs);
  }

  /** Carries out cues in order; a cue that cannot be done is a bug in the lesson. */
  async play(cues: readonly Cue[]): Promise<void> {
    for (const cue of cues) await this.cue(cue);
  }

  /** The prediction's answer that happened (the first whose condition holds), or null. */
  happened(): string | null {
    const p = this.step.predict;
    return p?.answers.find((a) => this.holds(a.when))?.id ?? null;
  }

  /** What the step points at, with its servers resolved; a reference to no server is left out. */
  focus(): ShownFocus[] {
    return (this.step.focus ?? []).flatMap((f) => this.resolveFocus(f));
  }

  /** Words with every `{name}` replaced by that server's name, e.g. "{old} crashes" → "S3 crashes". */
  say(words: Words, language: keyof Words): string {
    return fillNames(words[language], (name) => this.node(name));
  }

  private resolveFocus(f: Focus): ShownFocus[] {
    const id = (ref: NodeRef) => this.node(ref);
    switch (f.kind) {
      case 'node': {
        const node = id(f.node);
        return node === null ? [] : [{ kind: 'node', node }];
      }
      case 'link': {
        const [a, b] = [id(f.a), id(f.b)];
        return a === null || b === null
          ? []
          : [{ kind: 'link', a: Math.min(a, b), b: Math.max(a, b) }];
      }
      case 'entry': {
        const nodes = f.node === 'all' ? this.sim.nodeIds() : [id(f.node)];
        return nodes.flatMap((node) => {
          if (node === null) return [];
          const v = this.sim.nodeView(node);
          const length = v.logBase + v.log.length;
          const index = f.index === 'last' ? length : f.index;
          return index > v.logBase && index <= length ? [{ kind: 'entry', node, index }] : [];
        });
      }
      case 'field':
        return [{ kind: 'field', field: f.field, node: f.node === undefined ? null : id(f.node) }];
      case 'snapshot': {
        const node = id(f.node);
        const index = node === null ? 0 : this.sim.nodeView(node).logBase;
        return node === null || index === 0 ? [] : [{ kind: 'snapshot', node, index }];
      }
      default:
        return [f];
    }
  }

  private must(ref: NodeRef): number {
    const node = this.node(ref);
    if (node === null) {
      throw new LessonError(this.lesson.id, this.index, `${String(ref)} names no server now`);
    }
    return node;
  }

  private async cue(cue: Cue): Promise<void> {
    const n = (ref: NodeRef) => this.must(ref);
    switch (cue.do) {
      case 'mark':
        this.marks.set(cue.name, this.pick(cue));
        return;
      case 'wait': {
        const met = await this.runUntil(cue.until, cue.maxMs ?? DEFAULT_STEP_MS);
        if (!met) {
          throw new LessonError(this.lesson.id, this.index, `waited in vain for ${cue.until.kind}`);
        }
        return;
      }
      case 'crash':
      case 'restart':
      case 'timeout':
        return this.act({ do: cue.do, node: n(cue.node) });
      case 'partition':
        return this.act({ do: 'partition', groups: this.groups(cue.groups) });
      case 'cut':
      case 'restore':
        return this.act({ do: cue.do, a: n(cue.a), b: n(cue.b) });
      case 'heal':
        return this.act({ do: 'heal' });
      case 'drop':
        return this.act({ do: 'drop', rate: cue.rate });
      case 'setDisk':
        return this.act({ do: 'setDisk', node: n(cue.node), disk: cue.disk });
      case 'write':
      case 'append': {
        const via = cue.via === undefined ? {} : { via: n(cue.via) };
        return this.act({ do: cue.do, key: cue.key, value: cue.value, ...via });
      }
      case 'read': {
        const via = cue.via === undefined ? {} : { via: n(cue.via) };
        const mode = cue.mode === undefined ? {} : { mode: cue.mode };
        return this.act({ do: 'read', key: cue.key, ...via, ...mode });
      }
      case 'compact':
        return this.act({ do: 'compact', node: n(cue.node) });
      case 'addServer': {
        this.act({ do: 'addServer', ...(cue.voter === undefined ? {} : { voter: cue.voter }) });
        // The new server has the next id, so it is the highest now.
        if (cue.name !== undefined) this.marks.set(cue.name, Math.max(...this.sim.nodeIds()));
        return;
      }
      case 'removeServer':
        return this.act({ do: 'removeServer', node: n(cue.node) });
      case 'changeVoters':
        return this.act({ do: 'changeVoters', voters: cue.voters.map(n) });
      case 'transferLeadership':
        return this.act({ do: 'transferLeadership', to: n(cue.to) });
    }
  }

  private act(action: SimAction): void {
    // Seen first, so a recorder notes the event count and time at which the action applies.
    this.onAction(action);
    const request = this.sim.apply(action);
    if (request !== null) this.requests.push(request);
  }

  private pick(p: Extract<Cue, { do: 'mark' }>): number {
    if (p.pick === 'node') return this.must(p.node);
    const leader = this.sim.facts().leader;
    if (p.pick === 'leader') return this.must('leader');
    if (p.pick === 'role') {
      const inRole = this.sim
        .nodeIds()
        .filter((id) => this.sim.nodeView(id).alive && this.sim.nodeView(id).role === p.role);
      const chosen = inRole[p.nth ?? 0];
      if (chosen === undefined) {
        throw new LessonError(this.lesson.id, this.index, `no ${p.role} number ${p.nth ?? 0}`);
      }
      return chosen;
    }
    const except = new Set((p.except ?? []).map((r) => this.must(r)));
    // Voters only: a learner catching up or a server removed is no leader's follower to name.
    const followers = this.sim.nodeIds().filter((id) => {
      const v = this.sim.nodeView(id);
      return id !== leader && !except.has(id) && v.alive && v.member === 'voter';
    });
    const chosen = followers[p.nth ?? 0];
    if (chosen === undefined) {
      throw new LessonError(this.lesson.id, this.index, `no follower number ${p.nth ?? 0}`);
    }
    return chosen;
  }

  private groups(groups: readonly (readonly NodeRef[] | 'rest')[]): number[][] {
    const named = groups.flatMap((g) => (g === 'rest' ? [] : g.map((r) => this.must(r))));
    const rest = this.sim.nodeIds().filter((id) => !named.includes(id));
    return groups.map((g) => (g === 'rest' ? rest : g.map((r) => this.must(r))));
  }
}

/** Replaces each `{name}` with the server's name (`S3`), or `?` when it names none. */
export function fillNames(text: string, node: (name: string) => number | null): string {
  return text.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (_, name: string) => {
    const id = node(name);
    return id === null ? '?' : `S${id}`;
  });
}

/**
 * A run standing at the start of step `index` (its cues done), rebuilt from the lesson alone on
 * a fresh simulation made with `lessonOptions(lesson, index)`: every earlier step of the same
 * cluster is entered and finished as written. Throws a LessonError when one cannot finish.
 */
export async function reachStep(
  lesson: Lesson,
  sim: CourseSim,
  index: number,
  onAction?: (action: SimAction) => void,
): Promise<LessonRun> {
  const from = worldStart(lesson, index);
  const run = new LessonRun(lesson, sim, onAction, from);
  for (let i = from; i < index; i++) {
    await run.enter(i);
    if (!(await run.finish())) {
      throw new LessonError(lesson.id, i, `"finished when" (${run.step.until.kind}) never held`);
    }
  }
  await run.enter(index);
  return run;
}
