// The translation layer: every dictionary part is complete in both languages, no text is
// empty, both languages use the same {params}, and every literal key the UI asks for exists.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dictionaries, makeTranslate } from '../../../src/ui/i18n';

const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each(dictionaries.map((d, i) => [i, d] as const))('dictionary part %i', (_, d) => {
  it('has every key in both English and Chinese; plural variants (key#one) only in English', () => {
    const base = (keys: string[]) => keys.filter((k) => !k.includes('#')).sort();
    expect(Object.keys(d.zh).sort()).toEqual(base(Object.keys(d.en)));
    const orphans = Object.keys(d.en).filter(
      (k) => k.includes('#') && !Object.hasOwn(d.en, k.slice(0, k.indexOf('#'))),
    );
    expect(orphans).toEqual([]);
  });

  it('has no empty value', () => {
    for (const lang of ['en', 'zh'] as const) {
      const empty = Object.entries(d[lang]).filter(([, v]) => v.trim() === '');
      expect(empty.map(([k]) => `${lang}:${k}`)).toEqual([]);
    }
  });

  it('uses the same {params} in both languages, except English-only details', () => {
    // A reason's English detail from a runtime ({detail}) or an English field name ({name}) is
    // left out of the Chinese sentence rather than quoted into it.
    const englishOnly = (k: string, p: string) =>
      k.startsWith('reason.') && /^(detail|name)$/.test(p);
    const differ = Object.keys(d.en).filter(
      (k) =>
        d.zh[k] !== undefined &&
        params(d.en[k]!)
          .filter((p) => !englishOnly(k, p!))
          .join() !== params(d.zh[k]!).join(),
    );
    expect(differ).toEqual([]);
    const zhQuotesEnglish = Object.keys(d.zh).filter((k) =>
      params(d.zh[k]!).some((p) => englishOnly(k, p!)),
    );
    expect(zhQuotesEnglish).toEqual([]);
  });
});

describe('makeTranslate', () => {
  it('picks an English plural variant by Intl.PluralRules, and Chinese its one form', () => {
    const en = makeTranslate('en');
    expect(en('app.facts.survives', { count: 1 })).toBe('Survives 1 failure');
    expect(en('app.facts.survives', { count: 2 })).toBe('Survives 2 failures');
    expect(en('app.facts.survives', { count: 0 })).toBe('Survives 0 failures');
    expect(makeTranslate('zh')('app.facts.survives', { count: 1 })).toBe('可容忍 1 个节点故障');
  });

  it('ignores prototype keys as parameter names', () => {
    expect(makeTranslate('en')('app.facts.leader', Object.create({ id: 9 }) as never)).toBe(
      'Leader S{id}, term {term}',
    );
  });

  it('substitutes {params} and shows a missing key visibly', () => {
    const t = makeTranslate('en');
    expect(t('app.facts.leader', { id: 3, term: 4 })).toBe('Leader S3, term 4');
    expect(t('no.such.key')).toBe('⟦no.such.key⟧');
  });

  it('keeps the English protocol word beside the Chinese one, and says 心跳间隔', () => {
    const t = makeTranslate('zh');
    expect(t('app.facts.leader', { id: 1, term: 2 })).toContain('领导者 Leader');
    expect(t('app.facts.leader', { id: 1, term: 2 })).toContain('任期 Term');
    expect(t('app.settings.heartbeat')).toContain('心跳间隔');
  });

  it('knows every literal app.* key the UI uses', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory()
          ? files(join(dir, e.name))
          : /\.tsx?$/.test(e.name)
            ? [join(dir, e.name)]
            : [],
      );
    const t = makeTranslate('en');
    const used = files(join(import.meta.dirname, '../../../src/ui')).flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/t\('(app\.[\w.]+)'/g)].map((m) => m[1]!),
    );
    expect(used.length).toBeGreaterThan(50);
    expect(used.filter((k) => t(k).startsWith('⟦'))).toEqual([]);
  });
});
