// The one translation layer (UI layer): every on-screen text is a key looked up in the app's
// and the visual components' dictionaries, with {param} substitution. A missing key shows as
// ⟦key⟧ so it is visible on screen rather than silently blank.
import { appStrings } from './appStrings';
import type { Language, Strings, Translate } from './types';
import { reasonStrings } from './reasonStrings';
import { visualStrings } from './visualStrings';

export const dictionaries: readonly Strings[] = [appStrings, visualStrings, reasonStrings];

const cache = new Map<Language, Translate>();

export function makeTranslate(language: Language): Translate {
  const known = cache.get(language);
  if (known) return known;
  const table: Record<string, string> = {};
  for (const d of dictionaries) Object.assign(table, d.en, d[language]);
  const t: Translate = (key, params) => {
    const text = table[key];
    if (text === undefined) return `⟦${key}⟧`;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
  };
  cache.set(language, t);
  return t;
}
