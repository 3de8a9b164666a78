// Playback vocabulary of the store: the speed scale, the "pause when…" conditions and the
// timeline markers, each read off frames and their events (no Raft rules are decided here).
import type { TraceEvent } from '../sim';
import type { Frame } from './frame';

export const SPEED_MIN = 1;
export const SPEED_MAX = 1000;
/** Virtual ms per real second: a 10–20 ms message then takes about half a second to cross. */
export const DEFAULT_SPEED = 30;

/** Slider position 0…1 → speed on a log scale from 1 to 1000. */
export function speedFromPosition(position: number): number {
  const p = Math.min(1, Math.max(0, position));
  return Math.round(SPEED_MIN * (SPEED_MAX / SPEED_MIN) ** p);
}

export function positionFromSpeed(speed: number): number {
  const s = Math.min(SPEED_MAX, Math.max(SPEED_MIN, speed));
  return Math.log(s / SPEED_MIN) / Math.log(SPEED_MAX / SPEED_MIN);
}

export interface PauseWhen {
  readonly leaderElected: boolean;
  readonly termChanges: boolean;
  readonly entryCommits: boolean;
}

export const NO_PAUSE: PauseWhen = {
  leaderElected: false,
  termChanges: false,
  entryCommits: false,
};

const maxTerm = (f: Frame) => f.nodes.reduce((m, n) => Math.max(m, n.term), 0);

/** Which condition (if any) the step from `before` to `after` satisfies. */
export function pauseReason(when: PauseWhen, before: Frame, after: Frame): keyof PauseWhen | null {
  const e = after.event;
  if (when.leaderElected && e?.kind === 'step' && becameLeader(e)) return 'leaderElected';
  if (when.termChanges && maxTerm(after) > maxTerm(before)) return 'termChanges';
  if (
    when.entryCommits &&
    e?.kind === 'step' &&
    e.after.role === 'leader' &&
    e.after.commitIndex > e.before.commitIndex
  ) {
    return 'entryCommits';
  }
  return null;
}

function becameLeader(e: Extract<TraceEvent, { kind: 'step' }>): boolean {
  return e.after.role === 'leader' && e.before.role !== 'leader';
}

export type MarkerKind = 'election' | 'crash' | 'partition' | 'membership';

export interface Marker {
  readonly seq: number;
  readonly at: number;
  readonly kind: MarkerKind;
  readonly node: number | null;
}

/** The timeline marker a frame deserves: a new leader, a crash, a network or membership change. */
export function markerFor(frame: Frame): Marker | null {
  const e = frame.event;
  if (!e) return null;
  const mark = (kind: MarkerKind, node: number | null): Marker => ({
    seq: frame.seq,
    at: frame.at,
    kind,
    node,
  });
  if (e.kind === 'step' && becameLeader(e)) return mark('election', e.node);
  if (e.kind === 'action' && (e.action === 'crash' || e.action === 'fault')) {
    return mark('crash', e.node);
  }
  if (
    e.kind === 'action' &&
    (e.action === 'partition' || e.action === 'cut' || e.action === 'heal')
  ) {
    return mark('partition', null);
  }
  if (e.kind === 'action' && e.action === 'membership') return mark('membership', e.node);
  return null;
}
