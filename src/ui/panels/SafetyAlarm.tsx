// The loud safety alarm (UI layer): shown over the cluster as soon as any checker reports a
// violation in the frame on screen, naming the property by its rule id and wording what was
// found from its code, in the reader's language.
import { motion, useReducedMotion } from 'framer-motion';
import { describeFinding, ruleName } from '../i18n/codes';
import { useFrame, useT } from '../labContext';

export function SafetyAlarm() {
  const t = useT();
  const violations = useFrame()?.violations;
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
        {violations.slice(0, 3).map((v, i) => (
          <li key={i}>
            <b>{ruleName(v.ruleId, t)}</b> · {t('app.safety.at', { at: v.at })}:{' '}
            {describeFinding(v.finding, t)}
            <div className="rl-alarm-why">{t(`app.safety.rule.${v.ruleId}`)}</div>
          </li>
        ))}
      </ul>
    </motion.div>
  );
}
