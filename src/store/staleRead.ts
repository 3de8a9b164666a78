// The operations a stale read involves (store layer, thesis §6.4), for the alarm's timeline: the
// read (sent → answered, its value, the server that answered) and the write it missed (sent →
// acknowledged, its command). The Linearizability finding carries the times; the rest is found
// in the recorded frames — the requests each frame carries, else the action and client events —
// never recomputed. Derived, not stored: memoized per finding, as frames never change.
import type { ClientCommand } from '../raft';
import type { Finding } from '../sim';
import type { Frame } from './frame';
import type { FrameList } from './frameList';

export interface StaleReadStory {
  readonly read: {
    readonly id: number;
    readonly key: string;
    /** As the simulator shows it: "1" in quotes, or "no key". */
    readonly value: string;
    readonly invokedAt: number;
    readonly answeredAt: number;
    /** The server that answered it, when the history still holds its answer. */
    readonly by: number | null;
  };
  /** The write it missed; null when no one write can be named. */
  readonly write: {
    readonly id: number;
    readonly command: ClientCommand | null;
    /** When the client sent it; null when the history no longer holds that. */
    readonly sentAt: number | null;
    readonly ackAt: number;
  } | null;
}

/** How far back a search for the write's request goes, in frames: a long history costs nothing. */
const SCANNED = 20_000;

const memo = new WeakMap<Finding, StaleReadStory>();

/** The story of a staleRead finding, or null for any other finding. */
export function staleReadStory(history: FrameList, finding: Finding): StaleReadStory | null {
  if (finding.code !== 'staleRead') return null;
  const known = memo.get(finding);
  if (known) return known;
  const p = finding as Readonly<Record<string, string | number>>;
  const num = (k: string) => Number(p[k]);
  const readId = num('request');
  const answered = frameWhere(history, num('answeredAt'), (f) => {
    const e = f.event;
    return e?.kind === 'client' && e.requestId === readId;
  });
  const answer = answered?.event;
  const missed = num('missed');
  const story: StaleReadStory = {
    read: {
      id: readId,
      key: String(p.key),
      value: String(p.value),
      invokedAt: num('invokedAt'),
      answeredAt: num('answeredAt'),
      by: answer?.kind === 'client' ? answer.by : null,
    },
    write: missed >= 1 ? writeOf(history, missed, num('missedAt')) : null,
  };
  memo.set(finding, story);
  return story;
}

/** The missed write: its command and send time, from a frame's requests or its action event. */
function writeOf(history: FrameList, id: number, ackAt: number): StaleReadStory['write'] {
  const acked = firstAt(history, ackAt);
  for (let i = acked, n = 0; i >= 0 && n < SCANNED; i--, n++) {
    const f = history.get(i);
    if (!f) continue;
    const view = f.requests.find((r) => r.id === id);
    if (view) return { id, command: view.command, sentAt: view.sentAt, ackAt };
    const e = f.event;
    if (e?.kind === 'action' && e.detail.do === 'write' && e.detail.request === id)
      return { id, command: e.detail.command, sentAt: e.at, ackAt };
  }
  return { id, command: null, sentAt: null, ackAt };
}

/** The first kept frame at or after virtual time `at` (binary search: frames are in time order). */
function firstAt(history: FrameList, at: number): number {
  let lo = 0;
  let hi = history.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (history.get(mid)!.at < at) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(lo, history.length - 1);
}

/** The frame at time `at` that `matches`, searching that instant only. */
function frameWhere(history: FrameList, at: number, matches: (f: Frame) => boolean): Frame | null {
  for (let i = firstAt(history, at); i < history.length; i++) {
    const f = history.get(i)!;
    if (f.at > at) break;
    if (matches(f)) return f;
  }
  return null;
}
