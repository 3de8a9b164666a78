// How the screen is shown, as the link carries it (store layer): the language (lang=en|zh),
// presentation mode (present=1) and the text size in percent (text=100…200). A teacher's link
// such as ?n=5&seed=1&lang=zh&present=1&text=150 opens the same cluster the same way. These
// change no cluster, so they live apart from settings.ts; the settings parser only knows their
// names so that it does not call them unknown.
import type { Language } from './labTypes';
import type { LinkProblem } from './settings';

export const VIEW_PARAMS = ['lang', 'present', 'text'] as const;

/** The text size setting's bounds, in percent of the normal size. */
export const TEXT_SCALE_MIN = 100;
export const TEXT_SCALE_MAX = 200;
/** The sizes the settings offer; any whole percent within the bounds is accepted. */
export const TEXT_SCALE_STEPS: readonly number[] = [100, 125, 150, 175, 200];

export interface ViewLink {
  /** Null when the link does not say (then local storage or the browser decides). */
  readonly language: Language | null;
  readonly present: boolean;
  /** Null when the link does not say. */
  readonly textScale: number | null;
}

export function isTextScale(value: unknown): value is number {
  return (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= TEXT_SCALE_MIN &&
    value <= TEXT_SCALE_MAX
  );
}

const readers: Record<(typeof VIEW_PARAMS)[number], (t: string) => Partial<ViewLink> | null> = {
  lang: (t) => (t === 'en' || t === 'zh' ? { language: t } : null),
  present: (t) => (t === '1' ? { present: true } : t === '0' ? { present: false } : null),
  text: (t) => {
    if (!/^\d{3}$/.test(t)) return null;
    const n = Number(t);
    return isTextScale(n) ? { textScale: n } : null;
  },
};

/**
 * Reads the view parameters of a query string. A repeated or unreadable one is reported and
 * left at "not said"; parameters of other kinds are not looked at here.
 */
export function parseViewQuery(search: string): {
  view: ViewLink;
  problems: LinkProblem[];
} {
  const params = new URLSearchParams(search);
  let view: ViewLink = { language: null, present: false, textScale: null };
  const problems: LinkProblem[] = [];
  for (const param of VIEW_PARAMS) {
    const all = params.getAll(param);
    if (all.length === 0) continue;
    if (all.length > 1) {
      problems.push({ code: 'repeated', param, value: all.join(', ') });
      continue;
    }
    const patch = readers[param](all[0]!.trim());
    if (patch) view = { ...view, ...patch };
    else problems.push({ code: 'badValue', param, value: all[0]! });
  }
  return { view, problems };
}

/** The view part of a link, appended to the settings' query: lang always, the rest if not normal. */
export function viewToQuery(v: {
  language: Language;
  present: boolean;
  textScale: number;
}): string {
  const parts = [`lang=${v.language}`];
  if (v.present) parts.push('present=1');
  if (v.textScale !== TEXT_SCALE_MIN) parts.push(`text=${v.textScale}`);
  return parts.join('&');
}

/** The first browser language that the app speaks, e.g. ['zh-TW', 'en'] → 'zh'; else null. */
export function languageFromBrowser(languages: readonly unknown[]): Language | null {
  for (const l of languages) {
    if (typeof l !== 'string') continue;
    const base = l.toLowerCase().split('-')[0];
    if (base === 'zh' || base === 'en') return base;
  }
  return null;
}
