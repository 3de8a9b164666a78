// The "Break a rule" part of Settings (UI layer): one switch per Figure 2 rule, each with its
// paper section and what goes wrong without it, behind a warning. Its own form: restarting with
// other rules keeps whatever else the person was still editing in the settings above.
import { useState, type FormEvent } from 'react';
import type { RuleSwitches as Rules } from '../../sim';
import { DEFAULT_SETTINGS } from '../../store';
import type { RuleSwitchName } from '../i18n/ruleStrings';
import { RULE_SECTIONS } from '../i18n/ruleStrings';
import { useIntents, useLab, useT } from '../labContext';

/** The rules in the order the paper's safety argument builds them up. */
const RULES = Object.keys(DEFAULT_SETTINGS.rules) as RuleSwitchName[];

export function RuleSwitches() {
  const rules = useLab((s) => s.settings.rules);
  // A fresh draft whenever the applied rules change (a restart, a link, a lesson).
  return <RuleForm key={JSON.stringify(rules)} applied={rules} />;
}

function RuleForm({ applied }: { applied: Rules }) {
  const t = useT();
  const lab = useIntents();
  const [draft, setDraft] = useState(applied);
  const changed = RULES.some((r) => draft[r] !== applied[r]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void lab.applySettings({ rules: draft });
  };
  return (
    <form className="rl-rules" onSubmit={submit} aria-labelledby="rl-rules-title">
      <h3 id="rl-rules-title" className="rl-rules-title">
        <span aria-hidden="true">⚠ </span>
        {t('rules.title')}
      </h3>
      <p className="rl-rules-warning">{t('rules.warning')}</p>
      <ul className="rl-rules-list">
        {RULES.map((rule) => (
          <li key={rule} className={draft[rule] ? 'rl-rule' : 'rl-rule rl-rule-off'}>
            <input
              id={`rl-rule-${rule}`}
              type="checkbox"
              checked={draft[rule]}
              aria-describedby={`rl-rule-${rule}-why`}
              onChange={(e) => setDraft({ ...draft, [rule]: e.target.checked })}
            />
            <label htmlFor={`rl-rule-${rule}`} className="rl-rule-name">
              {t(`rules.name.${rule}`)}{' '}
              <span className="rl-rule-section">{RULE_SECTIONS[rule]}</span>
              {/* The checkbox says it to a screen reader; this says it to the room. */}
              {!draft[rule] && (
                <span className="rl-rule-state" aria-hidden="true">
                  {t('rules.offTag')}
                </span>
              )}
            </label>
            <p id={`rl-rule-${rule}-why`} className="rl-rule-why">
              {t(`rules.why.${rule}`)}
            </p>
          </li>
        ))}
      </ul>
      <div className="rl-rules-buttons">
        <button type="submit" className="rl-button rl-button-primary" disabled={!changed}>
          {t('rules.apply')}
        </button>
        {changed && <span className="rl-rules-pending">{t('rules.pending')}</span>}
      </div>
    </form>
  );
}
