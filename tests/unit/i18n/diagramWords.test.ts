// The space-time diagram's words in both languages: every mark a lane can carry, every key
// entry, an arrow's tooltip for each way a message can end, and times at each precision, with
// no key missing (⟦…⟧) and, in 中文, no English beyond the glossary.
import { describe, expect, it } from 'vitest';
import type { Message } from '../../../src/raft';
import type { Arrow, Mark, MarkKind } from '../../../src/layout/spaceTime';
import { makeTranslate } from '../../../src/ui/i18n';
import { arrowTip, markTitle, timeText } from '../../../src/ui/diagram/diagramText';
import { englishWords, GLOSSARY } from './zhRules';

const KINDS: MarkKind[] = [
  'preVote',
  'election',
  'leader',
  'stepDown',
  'commit',
  'crash',
  'restart',
  'fault',
  'partition',
  'heal',
  'cut',
  'restore',
  'hold',
  'release',
  'drop',
  'duplicate',
  'releaseAll',
  'manual',
];
const KEY = ['term', 'down', 'arrow', 'lost', 'wait', 'now', 'election', 'leader', 'commit'];

const mark = (kind: MarkKind, value: number | null = 3): Mark => ({
  kind,
  seq: 9,
  at: 120,
  node: kind === 'partition' || kind === 'heal' ? null : 2,
  value,
  peer: 4,
  groups: null,
});

const message = {
  kind: 'AppendEntries',
  from: 1,
  to: 2,
  term: 2,
  prevLogIndex: 3,
  prevLogTerm: 1,
  entries: [],
  leaderCommit: 3,
  knownMatchIndex: 3,
  sentAt: 100,
} as unknown as Message;

const arrow = (over: Partial<Arrow>): Arrow => ({
  key: 5,
  flight: 5,
  message,
  from: 1,
  to: 2,
  sentAt: 100,
  sendSeq: 7,
  arriveAt: 115,
  endAt: 115,
  endSeq: 8,
  fate: 'delivered',
  lossReason: null,
  held: false,
  ...over,
});

const ARROWS: [string, Arrow][] = [
  ['delivered', arrow({})],
  ['held, then delivered', arrow({ held: true, endAt: 300 })],
  ['lost on the way', arrow({ fate: 'lost', endAt: 108, lossReason: 'partitioned' })],
  ['dropped by hand', arrow({ fate: 'lost', endAt: 108, lossReason: 'dropped by hand' })],
  ['flying', arrow({ fate: 'flying', endSeq: null })],
  ['waiting at the door', arrow({ fate: 'flying', held: true, endAt: 400, endSeq: null })],
];

/** Every text the diagram words, in `language`. */
function texts(language: 'en' | 'zh'): string[] {
  const t = makeTranslate(language);
  return [
    ...KINDS.map((k) => markTitle(mark(k), t)),
    markTitle(mark('manual', 0), t),
    ...KEY.map((k) => t(`diagram.key.${k}`)),
    ...ARROWS.flatMap(([, a]) => Object.values(arrowTip(a, t, 500))),
    ...[
      [40, 10],
      [1250, 250],
      [12_500, 2000],
    ].map(([ms, step]) => timeText(ms!, step!, t)),
  ];
}

describe("the diagram's words", () => {
  it.each(['en', 'zh'] as const)('exist for every mark, key entry, tooltip and time in %s', (l) => {
    expect(texts(l).filter((s) => s.includes('⟦'))).toEqual([]);
  });

  it('keep to the glossary in 中文', () => {
    expect(texts('zh').flatMap((s) => englishWords(s, GLOSSARY))).toEqual([]);
  });

  it('read each ending of a message in English', () => {
    const t = makeTranslate('en');
    const routes = ARROWS.map(([, a]) => arrowTip(a, t, 500).route);
    expect(routes).toEqual([
      'S1 → S2 · sent at 100 ms · delivered at 115 ms',
      'S1 → S2 · sent at 100 ms · held at the door from 115 ms · delivered at 300 ms',
      'S1 → S2 · sent at 100 ms · lost at 108 ms (partitioned)',
      'S1 → S2 · sent at 100 ms · lost at 108 ms (dropped by hand)',
      'S1 → S2 · sent at 100 ms · on the wire, due at 115 ms',
      'S1 → S2 · sent at 100 ms · waiting at the door since 115 ms',
    ]);
    expect(timeText(1250, 250, t)).toBe('1250 ms');
    expect(timeText(12_000, 2000, t)).toBe('12 s');
    expect(timeText(12_500, 500, t)).toBe('12.5 s');
  });
});
