// Notices as data (store layer): a refused action keeps the simulator's reason code and its
// parameters, so the UI can word it in the reader's language; the store never writes prose.
import { isSimError } from '../sim';
import type { NoticeLine } from './labTypes';

/** A refused action keeps its code and parameters; anything else is a bug, shown as it came. */
export function lineForError(e: unknown): NoticeLine {
  if (isSimError(e)) {
    const { code, ...params } = e.reason;
    return { key: `reason.${code}`, params };
  }
  return {
    key: 'app.notice.unexpected',
    params: { message: e instanceof Error ? e.message : String(e) },
  };
}
