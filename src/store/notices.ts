// Notices as data (store layer): a refused action keeps the simulator's reason code and its
// parameters, so the UI can word it in the reader's language; the store never writes prose.
import { isSimError } from '../sim';
import type { Frame } from './frame';
import type { NoticeLine } from './labTypes';

/** A failure the store itself words: thrown out of a task, it is shown as its line. */
export class NoticeError extends Error {
  constructor(readonly line: NoticeLine) {
    super(line.key);
  }
}

/** A refused action keeps its code and parameters; anything else is a bug, shown as it came. */
export function lineForError(e: unknown): NoticeLine {
  if (e instanceof NoticeError) return e.line;
  if (isSimError(e)) {
    const { code, ...params } = e.reason;
    return { key: `reason.${code}`, params };
  }
  return {
    key: 'app.notice.unexpected',
    params: { message: e instanceof Error ? e.message : String(e) },
  };
}

/** Requests a leader may refuse after they left the client: membership changes and transfers. */
const CHANGES: ReadonlySet<string> = new Set([
  'addServer',
  'removeServer',
  'changeVoters',
  'transferLeadership',
]);

/**
 * The newest membership change or transfer among these new frames that the cluster refused
 * (e.g. changeInProgress: the leader has not committed an entry of its term yet), as a notice
 * line with the simulator's reason: otherwise it would only show as a ✗ flying to the client.
 */
export function changeRefusedIn(frames: readonly Frame[]): NoticeLine | null {
  for (let i = frames.length - 1; i >= 0; i--) {
    const e = frames[i]!.event;
    if (e?.kind !== 'client' || e.outcome !== 'failed' || !CHANGES.has(e.request)) continue;
    if (e.failure === null) continue;
    const { code, ...params } = e.failure;
    return { key: `reason.${code}`, params };
  }
  return null;
}
