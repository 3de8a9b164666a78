// The store's types (store layer): what it needs injected (a runtime factory, a display-frame
// scheduler, persistence), the state it exposes, and the intents a person can perform.
import type { StoreApi } from 'zustand/vanilla';
import type { AsyncSimulation, Choice, Command, Role, SimOptionsInput, TraceEvent } from '../sim';
import type { ReadMode } from '../raft';
import type { ShownFocus } from '../course';
import type { LabAction, RecordedAction } from './actions';
import type { FrameList } from './frameList';
import type { PauseWhen } from './playback';
import type { Selection } from './selection';
import type { Settings } from './settings';

/** A started cluster; `dispose` stops its workers. */
export interface Runtime {
  readonly sim: AsyncSimulation;
  dispose?(): void;
  /**
   * A runtime made to `replay` computes in the fastest place it has until this is called, then
   * moves every node to where it runs for good (the page: from its own thread to the workers).
   * Resolves the servers whose move failed; if any, the runtime is stopped.
   */
  goLive?(): Promise<readonly { readonly id: number }[]>;
}
/** `replay`: the runtime is for a rebuild; it may compute elsewhere until goLive. */
export type RuntimeFactory = (options: SimOptionsInput, replay?: boolean) => Promise<Runtime>;

/** Calls back once, at the next display frame, with a real-time clock in ms; returns a cancel. */
export interface Scheduler {
  next(callback: (realMs: number) => void): () => void;
}

/** Where settings (the URL) and preferences (localStorage) live; the app passes the browser's. */
export interface Persistence {
  readQuery(): string;
  writeQuery(query: string): void;
  load(key: string): string | null;
  save(key: string, value: string): void;
  /** The browser's preferred languages (navigator.languages), for the first visit's language. */
  browserLanguages?(): readonly string[];
}

export type Language = 'en' | 'zh';
export type Theme = 'light' | 'dark';
export type PanelTab =
  'course' | 'client' | 'logs' | 'state' | 'events' | 'inspect' | 'history' | 'settings';
export interface EventFilter {
  readonly node: number | null;
  /** 'important' (all but heartbeats), 'all', or a category the UI names (election, replication, …). */
  readonly kind: string;
}
/** A notice's text as a translation key and its parameters; the UI owns the words. */
export interface NoticeLine {
  readonly key: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

export interface Notice extends NoticeLine {
  readonly id: number;
  readonly kind: 'error' | 'info';
  /** Further lines under the first, e.g. one per bad field of a link. */
  readonly details?: readonly NoticeLine[];
}

/** The runtime slice: the cluster's state of health and what the store says to the person. */
export interface RuntimeData {
  readonly status: 'starting' | 'running' | 'error';
  /** Why the cluster could not start, as the runtime said it. */
  readonly statusMessage: string | null;
  readonly traceHash: string;
  readonly notice: Notice | null;
  /** How many notices were ever shown: each new one gets the next number as its id. */
  readonly noticeCount: number;
}

/** The history slice: every kept frame and the actions that led to them. */
export interface HistoryData {
  /** Every kept frame, oldest first; a new list after each change, never changed once published. */
  readonly history: FrameList;
  readonly actions: readonly RecordedAction[];
  /**
   * Virtual ms the live cluster has run to: every event up to here is in `history`. Time moves
   * in whole ms, so nothing can happen before computedTo + 1; the view clock stays below that.
   */
  readonly computedTo: number;
  /** An action in the past waiting for the person's yes (see `askBeforeRewriting`), or null. */
  readonly rewrite: RewriteQuestion | null;
  /** The last new future started in the past, while its discarded future can be put back. */
  readonly undoable: UndoOffer | null;
}

/** "Acting here discards the `discards` events after event `from`": asked before acting. */
export interface RewriteQuestion {
  readonly action: LabAction;
  readonly from: number;
  readonly discards: number;
}

/** A new future started after event `from`; `discarded` later events can be put back. */
export interface UndoOffer {
  readonly from: number;
  readonly discarded: number;
}

/** The playback slice: where in the history the screen is, and how time moves. */
export interface PlaybackData {
  /** The seq of the frame on screen (the frame itself: `selectFrame`). */
  readonly cursor: number;
  readonly playing: boolean;
  readonly speed: number;
  readonly pauseWhen: PauseWhen;
  readonly pausedBecause: keyof PauseWhen | null;
}

/** The preferences slice: the cluster's settings (kept in the link) and the person's choices. */
export interface PreferencesData {
  readonly settings: Settings;
  readonly language: Language;
  readonly theme: Theme;
  /** Presentation mode: the cluster fills the screen, every text ≥ 18 px (kept in the link). */
  readonly present: boolean;
  /** The text size setting, in percent of the normal size: 100…200. */
  readonly textScale: number;
}

/** The selection slice: what the person looks at. */
export interface SelectionData {
  readonly selection: Selection;
  readonly tab: PanelTab;
  readonly eventFilter: EventFilter;
}

/**
 * Where a lesson stands: `building` while its step's world is rebuilt, `ask` while a prediction
 * waits for an answer, `playing` until the step's "finished when" holds, then `done`; a "your
 * turn" step is `task` until its goal is met (`solved`).
 */
export type LessonPhase = 'building' | 'ask' | 'playing' | 'done' | 'task' | 'solved';

export interface LessonState {
  readonly id: string;
  /** The step on screen, 0-based (links say step=1 for the first). */
  readonly step: number;
  readonly phase: LessonPhase;
  /** The student's answer to the step's prediction, once picked. */
  readonly answer: string | null;
  /** The answer that happened, read off the simulation when the step finished. */
  readonly happened: string | null;
  /** What the step points at, its servers resolved. */
  readonly focus: readonly ShownFocus[];
  /** The servers the lesson named (and `leader`), for its narration. */
  readonly names: Readonly<Record<string, number>>;
  /** "Show me" is playing the task's known solution. */
  readonly shown: boolean;
}

/** The lesson slice: the guided lesson being played, or null in the free lab. */
export interface LessonData {
  readonly lesson: LessonState | null;
  /** Per lesson id, the furthest step reached (0-based) and whether the last was finished. */
  readonly progress: Readonly<Record<string, { readonly reached: number; readonly done: boolean }>>;
}

/**
 * One run of the history tree. The first run is branch 1; acting in the past starts a new
 * branch that left its parent after event `from` by doing `action`. Nothing is discarded: every
 * branch keeps its actions, so it can be rebuilt exactly (checked by `digest`).
 */
export interface BranchInfo {
  readonly id: number;
  readonly parent: number | null;
  /** Events the branch shares with its parent (0 for the first run). */
  readonly from: number;
  /** Virtual ms where it left its parent. */
  readonly at: number;
  /** What was done there (null for the first run); the UI names the branch from it. */
  readonly action: LabAction | null;
  /** Every action of the run from its start, each where it was applied. */
  readonly actions: readonly RecordedAction[];
  /** The newest event of the run (its head seq) and the virtual ms it was computed to. */
  readonly head: number;
  readonly computedTo: number;
  /** Where its screen stood when it was last left. */
  readonly cursor: number;
  /** The trace digest at `head`. */
  readonly digest: string;
}

/** The branches slice: every run of the history tree and which one is on screen. */
export interface BranchData {
  readonly branches: readonly BranchInfo[];
  readonly branchId: number;
  /** Two branches side by side (see compareBranches), or null. */
  readonly comparison: BranchComparison | null;
}

/** One side of a comparison: a branch as it stood at the compared virtual time. */
export interface BranchSide {
  readonly branch: number;
  readonly leader: number | null;
  readonly leaderTerm: number | null;
  /** Per server, its role, term and log (index, term, command as data) at that time. */
  readonly logs: readonly {
    readonly id: number;
    readonly alive: boolean;
    readonly role: Role;
    readonly term: number;
    /** The last index its snapshot covers (§5): entries start after it. */
    readonly logBase: number;
    readonly entries: readonly {
      readonly index: number;
      readonly term: number;
      readonly command: Command;
    }[];
    readonly commitIndex: number;
  }[];
}

/** Where two branches part: the first event that differs, and both at the same virtual time. */
export interface BranchComparison {
  readonly a: number;
  readonly b: number;
  /**
   * The first frame whose event differs (frame seq = event seq + 1, so seeking to it shows the
   * event); null when one run's events are a prefix of the other's.
   */
  readonly firstDifference: number | null;
  /** Each branch's event there (null: that run has no such event). */
  readonly events: readonly [TraceEvent | null, TraceEvent | null];
  /** The virtual ms of the first differing event (null with no difference). */
  readonly divergedAt: number | null;
  /** The virtual ms both sides are shown at. */
  readonly at: number;
  readonly sides: readonly [BranchSide, BranchSide];
}

export type LabData = RuntimeData &
  HistoryData &
  BranchData &
  PlaybackData &
  PreferencesData &
  SelectionData &
  LessonData;

export interface RuntimeIntents {
  start(): Promise<void>;
  dispose(): void;
  crashNode(id: number): Promise<void>;
  restartNode(id: number): Promise<void>;
  timeoutNode(id: number): Promise<void>;
  writeKey(key: string, value: string, via?: number): Promise<void>;
  deleteKey(key: string, via?: number): Promise<void>;
  /**
   * Appends `value` to the key's string (thesis §6.3: a write applied twice would show), through
   * `via` or the leader.
   */
  appendValue(key: string, value: string, via?: number): Promise<void>;
  /**
   * Reads `key` without writing to the log (thesis §6.4): `readIndex` (the default) confirms
   * leadership first, `lease` trusts the leader's lease, `local` answers from `via`'s own state
   * machine with nothing checked.
   */
  readKey(key: string, options?: { mode?: ReadMode; via?: number }): Promise<void>;
  /** The server snapshots what it has applied now (thesis §5); a crashed one: a notice. */
  compactNode(id: number): Promise<void>;
  partitionNodes(groups: readonly (readonly number[])[]): Promise<void>;
  toggleLink(a: number, b: number): Promise<void>;
  healNetwork(): Promise<void>;
  setLossPercent(percent: number): Promise<void>;
  /**
   * Membership (Raft thesis, chapter 4): a new server, empty, that joins as a learner and, as a
   * voter (the default), is promoted once it has caught up; it is asked of the leader as a
   * client request, so it may be refused or fail like any other.
   */
  addServer(options?: { voter?: boolean }): Promise<void>;
  /** Asks the leader to take `id` out of the configuration. */
  removeServer(id: number): Promise<void>;
  /** Asks the leader to make `ids` the voters, by joint consensus (§4.3). */
  changeVoters(ids: readonly number[]): Promise<void>;
  /** Asks the leader to hand leadership to voter `to` (§3.10). */
  transferLeadership(to: number): Promise<void>;
  /** Runs at full speed until a leader exists or every client request has settled. */
  fastForward(until: 'leader' | 'requestsSettled', maxMs?: number): Promise<void>;
  /** Pauses and runs the cluster `ms` virtual ms ahead at full speed (lessons, benchmarks). */
  advanceBy(ms: number): Promise<void>;
  dismissNotice(): void;
  showNotice(kind: Notice['kind'], line: NoticeLine, details?: readonly NoticeLine[]): void;
  /** Resolves when every queued run and action has finished (for tests and lessons). */
  whenIdle(): Promise<void>;
  /**
   * From now on an action in the past that would discard events is first asked about (state
   * `rewrite`) instead of done, until the returned function is called. The screen, which can
   * answer, calls it; a store with no one to answer (tests, scripts) acts at once.
   */
  askBeforeRewriting(): () => void;
  /** Does the asked action; `dontAskAgain` (remembered) stops the questions. */
  confirmRewrite(options?: { dontAskAgain?: boolean }): Promise<void>;
  cancelRewrite(): void;
  /** Puts back the future the last action in the past discarded, once; then does nothing. */
  undoRewrite(): Promise<void>;
  /** Lets the discarded future go (its workers stop); undo is no longer offered. */
  dismissUndo(): void;
}

export interface BranchIntents {
  /** Puts branch `id` on screen exactly as it was left; unknown ids change nothing. */
  switchBranch(id: number): Promise<void>;
  /**
   * Compares branches `a` and `b` at virtual time `at` (whole ms, at most where the longer run
   * reached; default: two of the longest election timeouts after they part). Bad ids or times
   * are a notice and change nothing.
   */
  compareBranches(a: number, b: number, at?: number): Promise<void>;
  closeComparison(): void;
}

/** A run as a link or a file carries it (see runCodec.ts): settings, actions, branches, cursor. */
export interface ShareIntents {
  /** The whole run as a link (settings, actions, cursor, digest), or null when it is too long. */
  runLink(): string | null;
  /** The whole run as a versioned JSON text (settings, actions, branches, cursor, digest). */
  exportRun(): string;
  /**
   * Rebuilds the run a file describes; a malformed, truncated, future-version or tampered file
   * is refused with a notice that says what is wrong, and the run on screen stays as it was.
   * Resolves true when the run was imported.
   */
  importRun(text: string): Promise<boolean>;
}

/** Touching messages (see the simulator's hold / release / dropMessage / duplicate actions). */
export interface MessageIntents {
  holdMessage(id: number): Promise<void>;
  releaseMessage(id: number): Promise<void>;
  releaseAll(): Promise<void>;
  dropMessage(id: number): Promise<void>;
  duplicateMessage(id: number): Promise<void>;
  /** Manual delivery: every message waits at its receiver's door until picked. */
  setManualDelivery(on: boolean): Promise<void>;
  /** Makes one of the simulator's listed next events happen (see `sim.choices()`). */
  pickChoice(choice: Choice): Promise<void>;
}

export interface PlaybackIntents {
  play(): void;
  pause(): void;
  togglePlay(): void;
  stepForward(): Promise<void>;
  stepBack(): Promise<void>;
  seekTo(seq: number): Promise<void>;
  setSpeed(speed: number): void;
  setPauseWhen(patch: Partial<PauseWhen>): void;
}

export interface PreferencesIntents {
  applySettings(patch: Partial<Settings>): Promise<void>;
  newSeed(): Promise<void>;
  setLanguage(language: Language): void;
  setTheme(theme: Theme): void;
  /** Turns presentation mode on or off; anything but a boolean changes nothing. */
  setPresent(on: boolean): void;
  /** Sets the text size in percent (a whole number 100…200); anything else changes nothing. */
  setTextScale(percent: number): void;
}

export interface SelectionIntents {
  selectItem(selection: Selection): void;
  showPanel(tab: PanelTab): void;
  setEventFilter(patch: Partial<EventFilter>): void;
}

export interface LessonIntents {
  /** Opens `id` at `step` (0-based) in exactly that step's state. Unknown ids change nothing. */
  openLesson(id: string, step?: number): Promise<void>;
  nextStep(): Promise<void>;
  previousStep(): Promise<void>;
  /** Rebuilds step `step` (0-based) of the open lesson. */
  goToStep(step: number): Promise<void>;
  restartLesson(): Promise<void>;
  /** Leaves the lesson; the cluster stays exactly as it is, for the person to explore. */
  exploreFromHere(): void;
  /** Picks an answer to the step's prediction; then the step plays. */
  answerPrediction(answer: string): void;
  /** Rebuilds the task step and plays its known solution. */
  showSolution(): Promise<void>;
}

/** What the person can do; each is an intent, never a raw setter of Raft state. */
export type LabIntents = RuntimeIntents &
  BranchIntents &
  ShareIntents &
  MessageIntents &
  PlaybackIntents &
  PreferencesIntents &
  SelectionIntents &
  LessonIntents;

export type LabState = LabData & LabIntents;

export interface LabDeps {
  readonly runtime: RuntimeFactory;
  readonly scheduler: Scheduler;
  readonly persistence?: Persistence;
  readonly historyLimit?: number;
  readonly randomSeed?: () => number;
}

/** The view clock: continuous virtual ms for animation, apart from the lab's state. */
export interface ClockState {
  /** Equals the frame's `at` when paused on a frame; runs on between frames while playing. */
  readonly viewTime: number;
  /** The real ms of the display frame the clock last moved at (null: not ticking). */
  readonly lastReal: number | null;
}

export type ClockStore = StoreApi<ClockState>;

/**
 * The lab store, with the view clock beside it: the clock moves 60 times a second, so only the
 * components that animate subscribe to it and a tick re-renders nothing else.
 */
export interface LabStore extends StoreApi<LabState> {
  readonly clock: ClockStore;
}
