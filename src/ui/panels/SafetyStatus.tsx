// The checkers' status in the top bar (UI layer): a calm line while every property holds. How
// many properties are checked is the simulator's fact, not a number written here. While a Figure 2
// rule is switched off a loud marker stays under it, so a broken run never looks like a bug; a
// click on it opens Settings, where the rules are switched back on.
import type { RuleSwitches } from '../../sim';
import { ruleName } from '../i18n/codes';
import type { Translate } from '../i18n/types';
import { RULE_SECTIONS, describeRulesOff, type RuleSwitchName } from '../i18n/ruleStrings';
import type { LabState } from '../../store';
import { RULE_IDS, selectFrame } from '../../store';
import { useIntents, useLab, useT } from '../labContext';

const selectBroken = (s: LabState) => selectFrame(s)?.violations.length ?? 0;
const selectCheckers = (s: LabState) => selectFrame(s)?.facts.checkers ?? 0;

export function SafetyStatus() {
  const t = useT();
  // Two numbers, not the frame: the bar re-renders when they change, not on every event.
  const broken = useLab(selectBroken);
  const checkers = useLab(selectCheckers);
  const rulesOn = useLab((s) => s.settings.rules);
  const rules = RULE_IDS.map((id) => ruleName(id, t)).join(t('app.list.separator'));
  const status = (
    <span
      className={broken ? 'rl-safety rl-safety-broken' : 'rl-safety'}
      title={t('app.safety.explain', { rules })}
    >
      {broken ? t('app.safety.broken', { count: broken }) : t('app.safety.ok', { count: checkers })}
    </span>
  );
  if (!describeRulesOff(rulesOn, t)) return status;
  // Stacked, so the marker costs the bar a few px of height rather than a second row.
  return (
    <span className="rl-safety-box">
      {status}
      <RulesOff rules={rulesOn} t={t} />
    </span>
  );
}

/** One rule off is named; several go by their sections, which stay short ("§5.4.1, §5.2"). */
function RulesOff({ rules, t }: { rules: RuleSwitches; t: Translate }) {
  const lab = useIntents();
  const off = (Object.keys(rules) as RuleSwitchName[]).filter((r) => !rules[r]);
  const shown =
    off.length === 1
      ? t(`rules.name.${off[0]!}`)
      : off.map((r) => RULE_SECTIONS[r]).join(t('app.list.separator'));
  return (
    <button
      type="button"
      className="rl-rules-off"
      data-testid="rules-off"
      title={t('rules.offTitle', { rules: describeRulesOff(rules, t) })}
      onClick={() => lab.showPanel('settings')}
    >
      {t('rules.off', { rules: shown })}
    </button>
  );
}
