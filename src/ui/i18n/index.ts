// The one translation layer (UI layer): every on-screen text is a key looked up in the app's
// and the visual components' dictionaries, with {param} substitution. A missing key shows as
// ⟦key⟧ so it is visible on screen rather than silently blank.
//
// Plurals (English only): a variant of a key for one plural category (Intl.PluralRules) wins
// when the number it depends on falls in that category. 'key#one' depends on {count};
// 'key#n=one' on {n}, for a sentence whose counted noun follows another parameter:
//   'app.facts.survives#one' → "Survives 1 failure"   'app.facts.survives' → "Survives 2 failures"
//   'app.facts.whyEven#n=one' → "1 node needs 1 …"    'app.facts.whyEven'  → "4 nodes need 3 …"
// A key depends on one parameter at most (a test checks it). Chinese has no plural forms, so its
// keys have no variants.
//
// Chinese spacing: a zh sentence keeps a space around a parameter, which reads right when the
// value is Latin ("发给 S2 的 AppendEntries") but not when it is Chinese ("的 心跳"); after
// substitution a space between two Chinese characters, or next to full-width punctuation, goes.
import { appStrings } from './appStrings';
import type { Language, Strings, Translate } from './types';
import { reasonStrings } from './reasonStrings';
import { visualStrings } from './visualStrings';
import { shellStrings } from './shellStrings';
import { timeStrings } from './timeStrings';
import { drawingStrings } from './drawingStrings';
import { logStrings } from './logStrings';
import { courseStrings } from './courseStrings';
import { ruleStrings } from './ruleStrings';
import { membershipStrings } from './membershipStrings';
import { consistencyStrings } from './consistencyStrings';
import { wireStrings } from './wireStrings';
import { branchStrings } from './branchStrings';
import { messageStrings } from './messageStrings';
import { diagramStrings } from './diagramStrings';
import { shareStrings } from './shareStrings';

export const dictionaries: readonly Strings[] = [
  appStrings,
  visualStrings,
  reasonStrings,
  shellStrings,
  timeStrings,
  drawingStrings,
  logStrings,
  ruleStrings,
  membershipStrings,
  consistencyStrings,
  wireStrings,
  branchStrings,
  messageStrings,
  diagramStrings,
  shareStrings,
  courseStrings,
];

/** Marks a plural variant of a key: 'key#one' (by {count}), 'key#n=one' (by {n}). */
export const PLURAL_MARK = '#';

/** A variant key's parts: 'a.b#n=one' → { base: 'a.b', param: 'n', category: 'one' }. */
export function parseVariant(key: string): { base: string; param: string; category: string } {
  const mark = key.indexOf(PLURAL_MARK);
  if (mark < 0) return { base: key, param: '', category: '' };
  const variant = key.slice(mark + 1);
  const eq = variant.indexOf('=');
  return eq < 0
    ? { base: key.slice(0, mark), param: 'count', category: variant }
    : { base: key.slice(0, mark), param: variant.slice(0, eq), category: variant.slice(eq + 1) };
}

/** Chinese characters and the full-width punctuation set among them. */
const HAN = '\\p{Script=Han}';
const WIDE = '\\u3000-\\u303f\\uff00-\\uffef“”‘’—…';
const STRAY_SPACE = new RegExp(
  `(?<=[${HAN}${WIDE}])[ \\u00a0]+(?=[${HAN}${WIDE}])|(?<=[${WIDE}])[ \\u00a0]+|[ \\u00a0]+(?=[${WIDE}])`,
  'gu',
);

/** Drops a space between two Chinese characters or beside full-width punctuation. */
export function tidyChineseSpacing(text: string): string {
  return text.replace(STRAY_SPACE, '');
}

interface Plural {
  readonly param: string;
  readonly forms: ReadonlyMap<string, string>;
}

const cache = new Map<Language, Translate>();

export function makeTranslate(language: Language): Translate {
  const known = cache.get(language);
  if (known) return known;
  const table: Record<string, string> = {};
  const plurals = new Map<string, Plural>();
  for (const d of dictionaries) {
    for (const [key, text] of Object.entries(language === 'en' ? d.en : { ...d.en, ...d.zh })) {
      const { base, param, category } = parseVariant(key);
      if (!param) table[key] = text;
      // Chinese inherits no English variant: its base key already reads right for every number.
      else if (language === 'en') {
        const plural = plurals.get(base) ?? { param, forms: new Map<string, string>() };
        (plural.forms as Map<string, string>).set(category, text);
        plurals.set(base, plural);
      }
    }
  }
  const rules = new Intl.PluralRules(language === 'zh' ? 'zh-CN' : 'en');
  const tidy = language === 'zh' ? tidyChineseSpacing : (text: string) => text;
  const t: Translate = (key, params) => {
    const plural = params && plurals.get(key);
    const n = plural && Object.hasOwn(params, plural.param) ? params[plural.param] : undefined;
    const variant =
      plural && typeof n === 'number' && Number.isFinite(n)
        ? plural.forms.get(rules.select(n))
        : undefined;
    const text = variant ?? table[key];
    if (text === undefined) return `⟦${key}⟧`;
    if (!params) return text;
    return tidy(
      text.replace(/\{(\w+)\}/g, (whole, name: string) =>
        Object.hasOwn(params, name) ? String(params[name]) : whole,
      ),
    );
  };
  cache.set(language, t);
  return t;
}
