// The store's types (store layer): what it needs injected (a runtime factory, a display-frame
// scheduler, persistence), the state it exposes, and the intents a person can perform.
import type { StoreApi } from 'zustand/vanilla';
import type { AsyncSimulation, SimOptionsInput } from '../sim';
import type { RecordedAction } from './actions';
import type { Frame } from './frame';
import type { Marker, PauseWhen } from './playback';
import type { Selection } from './selection';
import type { Settings } from './settings';

/** A started cluster; `dispose` stops its workers. */
export interface Runtime {
  readonly sim: AsyncSimulation;
  dispose?(): void;
}
export type RuntimeFactory = (options: SimOptionsInput) => Promise<Runtime>;

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
}

export type Language = 'en' | 'zh';
export type Theme = 'light' | 'dark';
export type PanelTab = 'lessons' | 'client' | 'logs' | 'state' | 'events' | 'inspect' | 'settings';
export interface EventFilter {
  readonly node: number | null;
  /** 'important' (all but heartbeats), 'all', or a category the UI names (election, replication, …). */
  readonly kind: string;
}
export interface Notice {
  readonly id: number;
  readonly kind: 'error' | 'info';
  /** The raw text (the simulator's own message for refused actions). */
  readonly text: string;
  /** When the store wrote it: a translation key and its parameters, shown instead of `text`. */
  readonly key?: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

export interface LabData {
  readonly settings: Settings;
  readonly status: 'starting' | 'running' | 'error';
  readonly statusMessage: string | null;
  /** Every kept frame, oldest first; append-only between rebuilds (watch `headSeq`). */
  readonly history: readonly Frame[];
  readonly firstSeq: number;
  readonly headSeq: number;
  /** The seq of the frame on screen. */
  readonly cursor: number;
  readonly frame: Frame | null;
  readonly markers: readonly Marker[];
  readonly actions: readonly RecordedAction[];
  readonly traceHash: string;
  readonly playing: boolean;
  readonly speed: number;
  readonly pauseWhen: PauseWhen;
  readonly pausedBecause: keyof PauseWhen | null;
  /** Continuous virtual ms for animation; equals frame.at when paused on a frame. */
  readonly viewTime: number;
  readonly selection: Selection;
  readonly language: Language;
  readonly theme: Theme;
  readonly tab: PanelTab;
  readonly eventFilter: EventFilter;
  readonly notice: Notice | null;
}

/** What the person can do; each is an intent, never a raw setter of Raft state. */
export interface LabIntents {
  start(): Promise<void>;
  dispose(): void;
  crashNode(id: number): Promise<void>;
  restartNode(id: number): Promise<void>;
  timeoutNode(id: number): Promise<void>;
  writeKey(key: string, value: string, via?: number): Promise<void>;
  deleteKey(key: string, via?: number): Promise<void>;
  partitionNodes(groups: readonly (readonly number[])[]): Promise<void>;
  toggleLink(a: number, b: number): Promise<void>;
  healNetwork(): Promise<void>;
  setLossPercent(percent: number): Promise<void>;
  /** Runs at full speed until a leader exists or every client request has settled. */
  fastForward(until: 'leader' | 'requestsSettled', maxMs?: number): Promise<void>;
  /** Pauses and runs the cluster `ms` virtual ms ahead at full speed (lessons, benchmarks). */
  advanceBy(ms: number): Promise<void>;
  play(): void;
  pause(): void;
  togglePlay(): void;
  stepForward(): Promise<void>;
  stepBack(): Promise<void>;
  seekTo(seq: number): Promise<void>;
  setSpeed(speed: number): void;
  setPauseWhen(patch: Partial<PauseWhen>): void;
  applySettings(patch: Partial<Settings>): Promise<void>;
  newSeed(): Promise<void>;
  selectItem(selection: Selection): void;
  setLanguage(language: Language): void;
  setTheme(theme: Theme): void;
  showPanel(tab: PanelTab): void;
  setEventFilter(patch: Partial<EventFilter>): void;
  dismissNotice(): void;
  showNotice(kind: Notice['kind'], text: string): void;
  /** Resolves when every queued run and action has finished (for tests and lessons). */
  whenIdle(): Promise<void>;
}

export type LabState = LabData & LabIntents;

export interface LabDeps {
  readonly runtime: RuntimeFactory;
  readonly scheduler: Scheduler;
  readonly persistence?: Persistence;
  readonly historyLimit?: number;
  readonly randomSeed?: () => number;
}

export type LabStore = StoreApi<LabState>;
