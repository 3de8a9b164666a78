// Codes into words (UI layer): a reason, a rule id or a finding from the simulator becomes a
// sentence in the reader's language; the parameters travel with the code, e.g.
// { code: 'nodeCrashed', node: 2 } → "S2 is crashed: restart it first." / "S2 已宕机：请先重启它。"
import type { Finding, Reason, RuleId } from '../../sim';
import type { Translate } from './types';

const paramsOf = ({ code, ...params }: Reason | Finding) => {
  void code;
  return params;
};

export function describeReason(reason: Reason, t: Translate): string {
  return t(`reason.${reason.code}`, paramsOf(reason));
}

/**
 * A stale read (§6.4) names the write it missed when one can be named (missed ≥ 1); the read is
 * shown as the command it was (`read x`), and its values come as the simulator shows them ("1"
 * in quotes, or "no key", which is worded here).
 */
export function describeFinding(finding: Finding, t: Translate): string {
  const params = paramsOf(finding);
  if (finding.code !== 'staleRead') return t(`finding.${finding.code}`, params);
  const word = (v: string | number | undefined) => (v === 'no key' ? t('read.noKey') : (v ?? ''));
  const named = Number(finding.missed) >= 1;
  return t(named ? 'finding.staleRead' : 'finding.staleRead.unnamed', {
    ...params,
    command: `read ${String(finding.key)}`,
    value: word(finding.value),
    expected: word(finding.expected),
  });
}

export function ruleName(rule: RuleId, t: Translate): string {
  return t(`rule.${rule}`);
}
