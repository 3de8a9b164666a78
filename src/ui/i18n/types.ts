// The shape every piece of on-screen text goes through: a key and optional named parameters,
// e.g. t('node.term', { term: 3 }) → "term 3" / "任期 Term 3".
export type Translate = (key: string, params?: Readonly<Record<string, string | number>>) => string;

export type Language = 'en' | 'zh';

/** A dictionary part: every key present in both languages (a unit test checks it). */
export interface Strings {
  readonly en: Readonly<Record<string, string>>;
  readonly zh: Readonly<Record<string, string>>;
}
