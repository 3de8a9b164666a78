// The checkers' status in the top bar (UI layer): a calm line while every property holds. How
// many properties are checked is the simulator's fact, not a number written here.
import { RULE_IDS } from '../../store';
import { ruleName } from '../i18n/codes';
import { useFrame, useT } from '../labContext';

export function SafetyStatus() {
  const t = useT();
  const frame = useFrame();
  const broken = frame?.violations.length ?? 0;
  const checkers = frame?.facts.checkers ?? 0;
  const rules = RULE_IDS.map((id) => ruleName(id, t)).join(t('app.list.separator'));
  return (
    <span
      className={broken ? 'rl-safety rl-safety-broken' : 'rl-safety'}
      title={t('app.safety.explain', { rules })}
    >
      {broken ? t('app.safety.broken', { count: broken }) : t('app.safety.ok', { count: checkers })}
    </span>
  );
}
