// Client request failures in the reader's language (UI layer). The simulator reports a failed
// request's reason as plain English text; known reasons are recognised here and translated,
// anything else is shown as it came, e.g. "no leader known (S1)" → "S1 不知道谁是领导者".
import type { Translate } from '../i18n/types';

const KNOWN: readonly [RegExp, (m: RegExpExecArray, t: Translate) => string][] = [
  [
    /^no leader known(?: \((S\d+)\))?$/,
    (m, t) => t('app.request.error.noLeader', { node: m[1] ?? '?' }),
  ],
  [/^no reply within (\d+) ms$/, (m, t) => t('app.request.error.timeout', { ms: m[1]! })],
];

export function describeRequestError(reason: string, t: Translate): string {
  for (const [pattern, say] of KNOWN) {
    const m = pattern.exec(reason.trim());
    if (m) return say(m, t);
  }
  return reason;
}
