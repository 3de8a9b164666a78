// Every code the simulator can give has words in both languages: reasons (refused actions,
// failed requests, runtime faults), rule ids and checker findings. The arrays come from the
// simulator, so a new code without words fails here. Chinese sentences use Chinese words; the
// only English in them is a protocol term the app keeps beside its Chinese word.
import { describe, expect, it } from 'vitest';
import { FINDING_CODES, REASON_CODES, RULE_IDS } from '../../../src/sim';
import type { Finding, Reason } from '../../../src/sim';
import { makeTranslate } from '../../../src/ui/i18n';
import { describeFinding, describeReason, ruleName } from '../../../src/ui/i18n/codes';

const keys = [
  ...REASON_CODES.map((c) => `reason.${c}`),
  ...FINDING_CODES.map((c) => `finding.${c}`),
  ...RULE_IDS.flatMap((id) => [`rule.${id}`, `app.safety.rule.${id}`]),
  ...['repeated', 'badValue', 'conflict', 'unknown'].map((c) => `app.link.${c}`),
];

/** English words a Chinese sentence may carry: the paper's names for roles, terms and rules. */
const PROTOCOL_WORDS = new Set(
  [
    ...RULE_IDS.map((id) => makeTranslate('en')(`rule.${id}`)),
    'Leader Term Majority Follower Candidate Learner TimeoutNow commit committed apply applied PreVote CheckQuorum Raft',
    // Snapshots (thesis ch. 5), reads and client sessions (ch. 6).
    'Snapshot ReadIndex Lease Session',
  ]
    .join(' ')
    .split(/[\s-]+/)
    .map((w) => w.toLowerCase()),
);

describe.each(['en', 'zh'] as const)('codes in %s', (language) => {
  const t = makeTranslate(language);

  it.each(keys)('%s has words', (key) => {
    const text = t(key);
    expect(text.startsWith('⟦')).toBe(false);
    expect(text.trim()).not.toBe('');
  });
});

describe('Chinese words for codes', () => {
  const t = makeTranslate('zh');
  const english = (text: string) =>
    (text.replace(/\{\w+\}/g, '').match(/[A-Za-z][A-Za-z-]*/g) ?? []).filter(
      (w) => !/^S$/.test(w) && !w.split('-').every((p) => PROTOCOL_WORDS.has(p.toLowerCase())),
    );

  it.each(keys)('%s has no English beyond protocol terms', (key) => {
    expect(english(t(key))).toEqual([]);
  });

  it('a reason and a finding are worded from their parameters', () => {
    const crashed: Reason = { code: 'nodeCrashed', node: 2 };
    expect(describeReason(crashed, t)).toBe('S2 已宕机：请先重启它。');
    expect(describeReason(crashed, makeTranslate('en'))).toBe('S2 is crashed: restart it first.');
    const two: Finding = { code: 'twoLeaders', term: 3, first: 1, second: 2 };
    expect(describeFinding(two, t)).toContain('S1 和 S2');
    expect(ruleName('electionSafety', t)).toContain('选举安全');
  });

  it('a stale read names the write it missed, and words "no key" in the reader’s language', () => {
    const stale: Finding = {
      code: 'staleRead',
      request: 9,
      key: 'x',
      value: 'no key',
      expected: '"2"',
      missed: 7,
      missedAt: 480,
      invokedAt: 520,
      answeredAt: 540,
    };
    const en = makeTranslate('en');
    expect(describeFinding(stale, en)).toBe(
      'Read #9 (read x) returned no such key, missing write #7, acknowledged at 480 ms, before the read was sent at 520 ms; it should return "2".',
    );
    expect(describeFinding(stale, t)).toContain('没有这个键');
    expect(describeFinding(stale, t)).not.toContain('no key');
    const unnamed = describeFinding({ ...stale, missed: -1, missedAt: -1 }, en);
    expect(unnamed).toContain('which no order of the writes allows');
    expect(unnamed).not.toContain('#-1');
  });

  it('a runtime fault does not quote its English message in Chinese', () => {
    const fault: Reason = { code: 'runtimeFailed', detail: 'Worker threw: boom' };
    expect(describeReason(fault, t)).not.toContain('boom');
    expect(describeReason(fault, makeTranslate('en'))).toContain('boom');
  });

  it('a worker that missed its allowance is told as a busy machine, not a Raft failure', () => {
    const late: Reason = { code: 'runtimeTimedOut', ms: 5000 };
    const en = describeReason(late, makeTranslate('en'));
    expect(en).toContain('within 5000 ms');
    expect(en).toContain('not a Raft failure');
    expect(describeReason(late, t)).toContain('5000 毫秒内没有回应');
    expect(describeReason(late, t)).toContain('不是 Raft 的问题');
  });
});
