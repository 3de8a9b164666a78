// How the screen is shown, as the link and local storage carry it: lang, present and text in
// the link; language and text size remembered; a zh browser opens in 中文 the first time. Every
// bad value is named in the link notice and changes nothing.
import { describe, expect, it } from 'vitest';
import { createLabStore, parseSettingsQuery, parseViewQuery } from '../../../src/store';
import type { Persistence } from '../../../src/store';
import { languageFromBrowser } from '../../../src/store/viewLink';
import { ManualScheduler, inProcess, memoryPersistence } from './harness';

function storeWith(persistence: Persistence) {
  return createLabStore({ runtime: inProcess, scheduler: new ManualScheduler(), persistence });
}

function withBrowser(query: string, languages: readonly string[]) {
  const p = memoryPersistence(query);
  return Object.assign(p, { browserLanguages: () => languages });
}

describe('parseViewQuery', () => {
  it('reads lang, present and text, and leaves what the link does not say unset', () => {
    expect(parseViewQuery('lang=zh&present=1&text=150')).toEqual({
      view: { language: 'zh', present: true, textScale: 150 },
      problems: [],
    });
    expect(parseViewQuery('n=5')).toEqual({
      view: { language: null, present: false, textScale: null },
      problems: [],
    });
  });

  it.each([
    ['lang=fr', 'lang'],
    ['lang=ZH', 'lang'],
    ['present=yes', 'present'],
    ['present=2', 'present'],
    ['text=99', 'text'],
    ['text=201', 'text'],
    ['text=150.5', 'text'],
    ['text=NaN', 'text'],
    ['text=Infinity', 'text'],
    ['text=-150', 'text'],
    ['text=1e2', 'text'],
    ['text=0150', 'text'],
  ])('names a bad value (%s) and keeps it unset', (query, param) => {
    const { view, problems } = parseViewQuery(query);
    expect(view).toEqual({ language: null, present: false, textScale: null });
    expect(problems).toEqual([{ code: 'badValue', param, value: query.split('=')[1] }]);
  });

  it('names a repeated parameter and uses none of its values', () => {
    const { view, problems } = parseViewQuery('lang=zh&lang=en&present=1');
    expect(view).toEqual({ language: null, present: true, textScale: null });
    expect(problems).toEqual([{ code: 'repeated', param: 'lang', value: 'zh, en' }]);
  });

  it('is not fooled by prototype keys, and the settings parser knows the view parameters', () => {
    expect(parseViewQuery('__proto__=1&constructor=zh&toString=1').view).toEqual({
      language: null,
      present: false,
      textScale: null,
    });
    expect(parseSettingsQuery('lang=zh&present=1&text=150').problems).toEqual([]);
    expect(parseSettingsQuery('__proto__=1').problems).toEqual([
      { code: 'unknown', param: '__proto__', value: '1' },
    ]);
  });
});

describe('languageFromBrowser', () => {
  it('takes the first language the app speaks', () => {
    expect(languageFromBrowser(['zh-CN', 'en'])).toBe('zh');
    expect(languageFromBrowser(['zh-TW'])).toBe('zh');
    expect(languageFromBrowser(['fr', 'en-GB', 'zh'])).toBe('en');
    expect(languageFromBrowser(['fr', 'de'])).toBeNull();
    expect(languageFromBrowser([42, null, 'ZH-hk'])).toBe('zh');
  });
});

describe('the language a visit opens in', () => {
  it('is the link first, then the last choice, then the browser, then English', () => {
    expect(storeWith(withBrowser('', ['zh-CN'])).getState().language).toBe('zh');
    expect(storeWith(withBrowser('', ['de'])).getState().language).toBe('en');
    const remembered = withBrowser('', ['zh-CN']);
    remembered.save('raft-lab.language', 'en');
    expect(storeWith(remembered).getState().language).toBe('en');
    expect(storeWith(Object.assign(remembered, { query: 'lang=zh' })).getState().language).toBe(
      'zh',
    );
  });

  it('survives a browser that throws when asked for its languages', () => {
    const p = Object.assign(memoryPersistence(''), {
      browserLanguages: (): readonly string[] => {
        throw new Error('no navigator');
      },
    });
    expect(storeWith(p).getState().language).toBe('en');
  });

  it('names a bad lang in the link notice and falls back', () => {
    const s = storeWith(withBrowser('lang=xx', ['zh']));
    expect(s.getState().language).toBe('zh');
    expect(s.getState().notice?.details).toEqual([
      { key: 'app.link.badValue', params: { param: 'lang', value: 'xx' } },
    ]);
  });
});

describe('presentation mode and text size', () => {
  it('come from the link, and each change writes the link (and text size is remembered)', () => {
    const p = memoryPersistence('n=3&seed=2&present=1&text=125');
    const store = storeWith(p);
    expect(store.getState()).toMatchObject({ present: true, textScale: 125 });
    store.getState().setPresent(false);
    expect(p.query).toBe('n=3&seed=2&et=150-300&hb=50&lat=10-20&loss=0&pv=0&cq=0&lang=en&text=125');
    store.getState().setTextScale(200);
    store.getState().setPresent(true);
    expect(p.query).toMatch(/&lang=en&present=1&text=200$/);
    expect(storeWith(memoryPersistence('')).getState().textScale).toBe(100);
    const again = storeWith(Object.assign(p, { query: '' }));
    expect(again.getState()).toMatchObject({ present: false, textScale: 200 });
  });

  it.each([
    ['setPresent', 'yes'],
    ['setPresent', 1],
    ['setPresent', null],
    ['setTextScale', Number.NaN],
    ['setTextScale', Number.POSITIVE_INFINITY],
    ['setTextScale', 150.5],
    ['setTextScale', 99],
    ['setTextScale', 201],
    ['setTextScale', -150],
    ['setTextScale', '150'],
    ['setTextScale', { valueOf: (): number => 150 }],
  ] as const)('%s(%s) changes nothing: not the state, the link or storage', (intent, value) => {
    const p = memoryPersistence('n=3&present=1&text=150');
    const saved: string[] = [];
    const store = storeWith(Object.assign(p, { save: (k: string) => void saved.push(k) }));
    const before = { ...store.getState() };
    (store.getState()[intent] as (v: unknown) => void)(value);
    expect(store.getState()).toEqual(before);
    expect(p.query).toBe('n=3&present=1&text=150');
    expect(saved).toEqual([]);
  });

  it('a stored text size that is not one is ignored', () => {
    for (const bad of ['abc', '1000', '99', '150.5', '']) {
      const p = memoryPersistence('');
      p.save('raft-lab.textScale', bad);
      expect(storeWith(p).getState().textScale).toBe(100);
    }
  });
});
