// The one translation layer (UI layer): every on-screen text is a key looked up in the app's
// and the visual components' dictionaries, with {param} substitution. A missing key shows as
// ⟦key⟧ so it is visible on screen rather than silently blank.
//
// Plurals: when a numeric {count} is passed and the dictionary has a variant of the key for that
// number's plural category (Intl.PluralRules), the variant wins, e.g. 'app.facts.survives#one'
// → "Survives 1 failure" beside 'app.facts.survives' → "Survives 2 failures". Chinese has no
// plural forms, so its keys have no variants (a variant is English-only; a test checks that).
import { appStrings } from './appStrings';
import type { Language, Strings, Translate } from './types';
import { reasonStrings } from './reasonStrings';
import { visualStrings } from './visualStrings';
import { shellStrings } from './shellStrings';
import { timeStrings } from './timeStrings';
import { drawingStrings } from './drawingStrings';
import { logStrings } from './logStrings';

export const dictionaries: readonly Strings[] = [
  appStrings,
  visualStrings,
  reasonStrings,
  shellStrings,
  timeStrings,
  drawingStrings,
  logStrings,
];

/** Marks a plural variant of a key: 'key#one', 'key#other' (English only). */
export const PLURAL_MARK = '#';

const cache = new Map<Language, Translate>();

export function makeTranslate(language: Language): Translate {
  const known = cache.get(language);
  if (known) return known;
  const table: Record<string, string> = {};
  for (const d of dictionaries) Object.assign(table, d.en, d[language]);
  // Chinese inherits no English variant: its base key already reads right for every number.
  if (language !== 'en')
    for (const k of Object.keys(table)) if (k.includes(PLURAL_MARK)) delete table[k];
  const rules = new Intl.PluralRules(language === 'zh' ? 'zh-CN' : 'en');
  const t: Translate = (key, params) => {
    const count = params?.count;
    const variant =
      typeof count === 'number' && Number.isFinite(count)
        ? table[`${key}${PLURAL_MARK}${rules.select(count)}`]
        : undefined;
    const text = variant ?? table[key];
    if (text === undefined) return `⟦${key}⟧`;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
      Object.hasOwn(params, name) ? String(params[name]) : whole,
    );
  };
  cache.set(language, t);
  return t;
}
