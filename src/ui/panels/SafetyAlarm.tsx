// The loud safety alarm (UI layer): shown over the cluster as soon as any checker reports a
// violation in the frame on screen, naming the property and explaining what it promises.
import { useLab, useT } from '../labContext';

const RULE_KEYS: Record<string, string> = {
  'Election Safety': 'electionSafety',
  'Leader Append-Only': 'leaderAppendOnly',
  'Log Matching': 'logMatching',
  'Leader Completeness': 'leaderCompleteness',
  'State Machine Safety': 'stateMachineSafety',
  'No Lost Writes': 'noLostWrites',
};

export function SafetyAlarm() {
  const t = useT();
  const violations = useLab((s) => s.frame?.violations);
  if (!violations || violations.length === 0) return null;
  return (
    <div className="rl-alarm" role="alert">
      <strong>{t('app.safety.alarm', { count: violations.length })}</strong>
      <ul>
        {violations.slice(0, 3).map((v, i) => {
          const key = RULE_KEYS[v.rule];
          return (
            <li key={i}>
              <b>{v.rule}</b> · {t('app.safety.at', { at: v.at })}: {v.detail}
              {key && <div className="rl-alarm-why">{t(`app.safety.rule.${key}`)}</div>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
