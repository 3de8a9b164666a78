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

export function describeFinding(finding: Finding, t: Translate): string {
  return t(`finding.${finding.code}`, paramsOf(finding));
}

export function ruleName(rule: RuleId, t: Translate): string {
  return t(`rule.${rule}`);
}
