// What a lesson step waits for, in words (untilText): the conditions of the reads, sessions and
// snapshots lessons (thesis §6.4, §6.3, ch. 5) each read as themselves in both languages, never
// as the fallback "the step's goal is met", and the fields of `replied` each change the words.
import { describe, expect, it } from 'vitest';
import type { Condition } from '../../../src/course';
import { REASON_CODES } from '../../../src/sim';
import { makeTranslate } from '../../../src/ui/i18n';
import { REFUSALS, untilText } from '../../../src/ui/course/untilText';

const en = makeTranslate('en');
const zh = makeTranslate('zh');
const nameOf = (ref: number | string) => (typeof ref === 'number' ? `S${ref}` : ref.toUpperCase());

describe('the new conditions in English', () => {
  it.each<[string, Condition, string]>([
    ['a read answered', { kind: 'readAnswered', key: 'x' }, 'a read of x is answered'],
    [
      'a checked read returning a value',
      { kind: 'readAnswered', key: 'x', value: '2', safe: true },
      'a ReadIndex or lease read of x returns "2"',
    ],
    [
      'a local read finding no key',
      { kind: 'readAnswered', key: 'x', value: null, safe: false },
      'a local read of x returns no such key',
    ],
    [
      'a write on three disks',
      { kind: 'stored', request: 'last', count: 3 },
      '3 disks hold the write',
    ],
    ['a write on one disk', { kind: 'stored', request: 1, count: 1 }, '1 disk holds the write'],
    ['one resend', { kind: 'retried', request: 'last' }, 'the client sends the request again'],
    [
      'two resends',
      { kind: 'retried', request: 'last', atLeast: 2 },
      'the client sends the request again 2 times',
    ],
    [
      'two copies in a log',
      { kind: 'copies', request: 1, node: 'chief', atLeast: 2 },
      'CHIEF’s log holds 2 copies of the write',
    ],
    [
      'a duplicate skipped',
      { kind: 'duplicateFiltered', request: 'last' },
      'a copy of the write is skipped as a duplicate',
    ],
    [
      'every state machine agreeing',
      { kind: 'stateMachine', node: 'all', key: 'k', value: 'xx' },
      'every state machine holds k = "xx"',
    ],
    [
      'one state machine without the key',
      { kind: 'stateMachine', node: 2, key: 'k', value: null },
      'S2’s state machine holds no k',
    ],
    ['a snapshot taken', { kind: 'snapshotAt', node: 'peer' }, 'PEER takes a snapshot'],
    [
      'a snapshot past an index',
      { kind: 'snapshotAt', node: 3, atLeast: 4 },
      'S3’s snapshot covers entry 4',
    ],
    [
      'a snapshot holding the write',
      { kind: 'snapshotAt', node: 'peer', request: 'last' },
      'PEER’s snapshot covers the write',
    ],
  ])('%s', (_, condition, words) => {
    expect(untilText(condition, en, nameOf)).toBe(words);
  });
});

describe('a reply, by its most telling field', () => {
  it.each<[string, Condition, string]>([
    ['any reply', { kind: 'replied', request: 'last' }, 'the client hears back'],
    [
      'a success',
      { kind: 'replied', request: 'last', status: 'ok' },
      'the client’s request succeeds',
    ],
    [
      'a failure',
      { kind: 'replied', request: 'last', status: 'failed' },
      'the client’s request fails',
    ],
    [
      "a read's value",
      { kind: 'replied', request: 'last', status: 'ok', value: '1' },
      'the read returns "1"',
    ],
    [
      'a refusal reason',
      { kind: 'replied', request: 'last', failure: 'leaseNeedsCheckQuorum' },
      'the request is refused: a lease read needs CheckQuorum',
    ],
    [
      "a duplicate's saved reply",
      { kind: 'replied', request: 'last', status: 'ok', duplicate: true },
      'the client gets its session’s saved reply: a copy was applied already',
    ],
  ])('%s', (_, condition, words) => {
    expect(untilText(condition, en, nameOf)).toBe(words);
  });
});

/** One of each new condition and each field of `replied`, and every refusal reason. */
const NEW_CONDITIONS: Condition[] = [
  { kind: 'readAnswered', key: 'x' },
  { kind: 'readAnswered', key: 'x', value: '2' },
  { kind: 'readAnswered', key: 'x', safe: true },
  { kind: 'readAnswered', key: 'x', value: '2', safe: true },
  { kind: 'readAnswered', key: 'x', safe: false },
  { kind: 'readAnswered', key: 'x', value: null, safe: false },
  { kind: 'stored', request: 'last', count: 2 },
  { kind: 'retried', request: 'last', atLeast: 3 },
  { kind: 'copies', request: 'last', node: 1, atLeast: 2 },
  { kind: 'duplicateFiltered', request: 'last' },
  { kind: 'stateMachine', node: 1, key: 'k', value: 'x' },
  { kind: 'stateMachine', node: 1, key: 'k', value: null },
  { kind: 'stateMachine', node: 'all', key: 'k', value: 'x' },
  { kind: 'stateMachine', node: 'all', key: 'k', value: null },
  { kind: 'snapshotAt', node: 1 },
  { kind: 'snapshotAt', node: 1, atLeast: 5 },
  { kind: 'snapshotAt', node: 1, request: 'last' },
  { kind: 'replied', request: 'last', status: 'ok' },
  { kind: 'replied', request: 'last', status: 'failed' },
  { kind: 'replied', request: 'last', value: null },
  { kind: 'replied', request: 'last', duplicate: true },
  { kind: 'replied', request: 'last', duplicate: false },
  ...REFUSALS.map((failure): Condition => ({ kind: 'replied', request: 'last', failure })),
];

describe.each([
  ['English', en],
  ['简体中文', zh],
])('in %s', (_, t) => {
  const fallback = t('course.until.other');
  const plain = t('course.until.replied');

  it('every new condition has words of its own, with no key missing', () => {
    const texts = NEW_CONDITIONS.map((c) => untilText(c, t, nameOf));
    expect(texts.filter((w) => w === fallback || w.includes('⟦'))).toEqual([]);
  });

  it('every field given to `replied` changes its words', () => {
    const replied = NEW_CONDITIONS.filter((c) => c.kind === 'replied');
    expect(replied.filter((c) => untilText(c, t, nameOf) === plain)).toEqual([]);
  });

  it('each refusal reason is worded apart', () => {
    const words = REFUSALS.map((failure) =>
      untilText({ kind: 'replied', request: 'last', failure }, t, nameOf),
    );
    expect(new Set(words).size).toBe(REFUSALS.length);
  });
});

describe('refusal reasons', () => {
  it('are reason codes the simulator gives', () => {
    expect(REFUSALS.filter((code) => !(REASON_CODES as readonly string[]).includes(code))).toEqual(
      [],
    );
  });

  it('read as a plain failure when the code refuses an action, not a request', () => {
    const c: Condition = { kind: 'replied', request: 'last', failure: 'badDuration' };
    expect(untilText(c, en, nameOf)).toBe(en('course.until.replied.failed'));
  });
});
