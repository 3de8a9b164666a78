// English plurals and articles come from data picked by Intl.PluralRules, never from string
// concatenation: "1 entry" / "2 entries", "survives 1 failure", "an AppendEntries", "a heartbeat".
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../../src/sim';
import { dictionaries, makeTranslate, parseVariant } from '../../../src/ui/i18n';
import { describeFinding, describeReason } from '../../../src/ui/i18n/codes';
import { describeTraceEvent } from '../../../src/ui/panels/eventText';
import { MESSAGE_NAMES, messageName, messageSummary } from '../../../src/ui/panels/messageText';
import { FINDINGS, MESSAGES, REASONS, everyEvent } from './everyEvent';

const en = makeTranslate('en');
const english: [string, string][] = dictionaries.flatMap((d) => Object.entries(d.en));
const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
const bases = new Map(english.filter(([k]) => !k.includes('#')));

describe('makeTranslate picks a plural variant', () => {
  it.each([
    ['app.facts.survives', { count: 1 }, 'Survives 1 failure'],
    ['app.facts.survives', { count: 0 }, 'Survives 0 failures'],
    ['app.facts.survives', { count: 2 }, 'Survives 2 failures'],
    ['visual.field.log', { count: 1 }, '1 entry'],
    ['visual.field.log', { count: 12 }, '12 entries'],
  ] as const)('%s with %o reads "%s"', (key, p, text) => {
    expect(en(key, p)).toBe(text);
  });

  it('by the parameter its variant names, when that is not {count}', () => {
    const facts = { majority: 1, tolerated: 0, next: 2, nextMajority: 2, nextTolerated: 0 };
    expect(en('app.facts.whyEven', { ...facts, n: 1 })).toMatch(/^1 node needs 1 /);
    expect(en('app.facts.whyEven', { ...facts, n: 4 })).toMatch(/^4 nodes need 1 /);
    const lost = { role: 'leader', commit: 3 };
    expect(en('visual.node.lost', { ...lost, keys: 1 })).toBe('lost: leader · commit 3 · 1 key');
    expect(en('visual.node.lost', { ...lost, keys: 2 })).toBe('lost: leader · commit 3 · 2 keys');
    // {count} does not choose a variant that depends on another parameter.
    expect(en('visual.node.lost', { ...lost, keys: 2, count: 1 })).toContain('2 keys');
  });

  it('only for a finite number: text, NaN or a missing parameter give the base text', () => {
    expect(en('app.facts.survives', { count: '1' })).toBe('Survives 1 failures');
    expect(en('app.facts.survives', { count: Number.NaN })).toBe('Survives NaN failures');
    expect(en('app.facts.survives')).toBe('Survives {count} failures');
  });

  it('never in Chinese, whose one form reads right for every number', () => {
    const zh = makeTranslate('zh');
    expect(zh('visual.field.log', { count: 1 })).toBe('1 条');
    expect(zh('visual.node.lost', { role: '领导者', commit: 3, keys: 1 })).toContain('1 个键');
  });

  it('reads a variant key: by {count}, or by the parameter it names', () => {
    expect(parseVariant('a.b#one')).toEqual({ base: 'a.b', param: 'count', category: 'one' });
    expect(parseVariant('a.b#n=one')).toEqual({ base: 'a.b', param: 'n', category: 'one' });
    expect(parseVariant('a.b')).toEqual({ base: 'a.b', param: '', category: '' });
  });
});

describe('every plural variant in every dictionary', () => {
  const categories = new Intl.PluralRules('en').resolvedOptions().pluralCategories as string[];
  const variants = english
    .filter(([k]) => k.includes('#'))
    .map(([k]) => [k, parseVariant(k)] as const);

  it('names an English plural category and a number parameter its base text uses', () => {
    expect(variants.length).toBeGreaterThan(10);
    const bad = variants.filter(
      ([, v]) =>
        !categories.includes(v.category) ||
        !bases.has(v.base) ||
        !params(bases.get(v.base)!).includes(v.param),
    );
    expect(bad.map(([k]) => k)).toEqual([]);
  });

  it('depends on one parameter per key', () => {
    const by = new Map<string, Set<string>>();
    for (const [, v] of variants) by.set(v.base, (by.get(v.base) ?? new Set()).add(v.param));
    expect([...by].filter(([, ps]) => ps.size > 1).map(([k]) => k)).toEqual([]);
  });
});

/** Nouns the UI counts, plural and singular. */
const NOUNS = [
  ['entries', 'entry'],
  ['nodes', 'node'],
  ['failures', 'failure'],
  ['events', 'event'],
  ['checks', 'check'],
  ['checkers', 'checker'],
  ['keys', 'key'],
  ['disks', 'disk'],
  ['violations', 'violation'],
  ['characters', 'character'],
  ['servers', 'server'],
  ['votes', 'vote'],
  ['messages', 'message'],
  ['requests', 'request'],
  ['groups', 'group'],
  ['copies', 'copy'],
] as const;
const pluralAfter1 = new RegExp(`\\b1 (${NOUNS.map(([p]) => p).join('|')})\\b`);
const singularAfter2 = new RegExp(`\\b2 (${NOUNS.map(([, s]) => s).join('|')})\\b`);

/** Every English text with all its number parameters set to `n` (the others too: a sentence
 * must read right whichever of its parameters is the number). */
const renderedWith = (n: number) =>
  [...bases].map(([key, text]) => {
    const all = Object.fromEntries(params(text).map((p) => [p, n]));
    return [key, en(key, all)] as const;
  });

describe('English plurals agree with their number', () => {
  it('no "1 entries", "1 nodes", "1 failures" … with any parameter at 1', () => {
    const wrong = renderedWith(1).filter(([, text]) => pluralAfter1.test(text));
    expect(wrong).toEqual([]);
  });

  it('no "2 entry", "2 node" … with every parameter at 2', () => {
    const wrong = renderedWith(2).filter(([, text]) => singularAfter2.test(text));
    expect(wrong).toEqual([]);
  });

  it('no "(s)" left to the reader', () => {
    expect(english.filter(([, text]) => text.includes('(s)'))).toEqual([]);
  });

  it('in the event log, reasons, findings and message summaries too', () => {
    const lines = [
      ...everyEvent().map((e: TraceEvent) => describeTraceEvent(e, en)),
      ...REASONS.map((r) => describeReason({ ...r, size: 1, max: 1, storedOn: 1 }, en)),
      ...FINDINGS.map((f) => describeFinding({ ...f, storedOn: 1 }, en)),
      ...MESSAGES.map((m) => messageSummary(m, en)),
    ];
    expect(lines.filter((l) => pluralAfter1.test(l) || singularAfter2.test(l))).toEqual([]);
    expect(lines).toContain('S2 stored 1 entry from S1; its log length is now 3');
    expect(lines).toContain(
      'S2 stored 2 entries from S1; its log length is now 4; it now knows entries up to 2 are committed',
    );
    expect(lines).toContain('There is no node 2: this cluster has only S1.');
  });
});

describe('English articles', () => {
  it('each message name has its article as data', () => {
    const t = (name: string) => en(`app.msg.${name}.a`);
    expect(Object.fromEntries(MESSAGE_NAMES.map((n) => [n, t(n)]))).toEqual({
      RequestVote: 'a RequestVote',
      PreVote: 'a PreVote',
      RequestVoteReply: 'a RequestVote reply',
      PreVoteReply: 'a PreVote reply',
      AppendEntries: 'an AppendEntries',
      heartbeat: 'a heartbeat',
      AppendEntriesReply: 'an AppendEntries reply',
      TimeoutNow: 'a TimeoutNow',
      InstallSnapshot: 'an InstallSnapshot',
      ReadIndex: 'a ReadIndex request',
      ReadIndexReply: 'a ReadIndex reply',
      ClientRequest: 'a client request',
      ClientReply: 'a client reply',
    });
  });

  it('a sentence names a message with its article: "Lost: an AppendEntries from S1 to S2"', () => {
    const lost = (message: (typeof MESSAGES)[number]) =>
      describeTraceEvent(
        { kind: 'lost', seq: 1, at: 1, message, reason: 'dropped' } as TraceEvent,
        en,
      );
    const append = MESSAGES.find((m) => m.kind === 'AppendEntries' && m.entries.length > 0)!;
    expect(lost(append)).toBe('Lost: an AppendEntries from S1 to S2 (dropped by the network)');
    expect(lost(MESSAGES[0]!)).toBe('Lost: a RequestVote from S2 to S1 (dropped by the network)');
    expect(messageName(append, en)).toBe('AppendEntries');
  });

  it('no article sits before a parameter: the parameter brings its own', () => {
    const before = english.filter(([, text]) => /\b(a|an|A|An) \{\w+\}/.test(text));
    expect(before).toEqual([]);
  });

  it('"a" comes before a consonant sound and "an" before a vowel sound in every English text', () => {
    const lines = [...bases.values(), ...everyEvent().map((e) => describeTraceEvent(e, en))];
    // "a one-…", "a unique", "a user" sound like a consonant; "an S1" like a vowel.
    const wrong = lines.filter(
      (l) =>
        /\b[Aa] (?!one\b|uni|use)[aeiouAEIOU]/.test(l) ||
        /\b[Aa]n (?![aeiouAEIOU]|S\d|hour)\w/.test(l),
    );
    expect(wrong).toEqual([]);
  });
});
