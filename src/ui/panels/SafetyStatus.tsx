// The checkers' status in the top bar (UI layer): a calm line while every property holds. How
// many properties are checked is the simulator's fact, not a number written here. While a Figure 2
// rule is switched off a loud marker stays beside it, so a broken run never looks like a bug; a
// click on it opens Settings, where the rules are switched back on.
import { RULE_IDS } from '../../store';
import { ruleName } from '../i18n/codes';
import { describeRulesOff } from '../i18n/ruleStrings';
import { useFrame, useIntents, useLab, useT } from '../labContext';

export function SafetyStatus() {
  const t = useT();
  const frame = useFrame();
  const broken = frame?.violations.length ?? 0;
  const checkers = frame?.facts.checkers ?? 0;
  const rules = RULE_IDS.map((id) => ruleName(id, t)).join(t('app.list.separator'));
  return (
    <>
      <span
        className={broken ? 'rl-safety rl-safety-broken' : 'rl-safety'}
        title={t('app.safety.explain', { rules })}
      >
        {broken
          ? t('app.safety.broken', { count: broken })
          : t('app.safety.ok', { count: checkers })}
      </span>
      <RulesOff />
    </>
  );
}

function RulesOff() {
  const t = useT();
  const lab = useIntents();
  const off = describeRulesOff(
    useLab((s) => s.settings.rules),
    t,
  );
  if (!off) return null;
  return (
    <button
      type="button"
      className="rl-rules-off"
      data-testid="rules-off"
      title={t('rules.offTitle', { rules: off })}
      onClick={() => lab.showPanel('settings')}
    >
      {t('rules.off', { rules: off })}
    </button>
  );
}
