// The loud safety alarm (UI layer): shown over the cluster as soon as any checker reports a
// violation in the frame on screen, naming the property and explaining what it promises.
import { motion, useReducedMotion } from 'framer-motion';
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
  const still = useReducedMotion() ?? false;
  if (!violations || violations.length === 0) return null;
  return (
    // A short shake draws the room's eye to the alarm, unless the person asked for less motion.
    <motion.div
      className="rl-alarm"
      role="alert"
      initial={still ? false : { x: 0 }}
      animate={still ? {} : { x: [0, -10, 10, -6, 6, 0] }}
      transition={{ duration: 0.5 }}
    >
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
    </motion.div>
  );
}
