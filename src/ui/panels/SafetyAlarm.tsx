// The loud safety alarm (UI layer): shown over the cluster as soon as any checker reports a
// violation in the frame on screen. It names the property by its rule id, says at which event
// and virtual time it broke, words what was found from its code in the reader's language, says
// which servers and entries the drawing marks, and jumps to that event on a click. A finding a
// checker repeats on later events is listed once, at the event that first broke the rule.
import { motion, useReducedMotion } from 'framer-motion';
import type { Frame } from '../../store';
import { selectHighlights } from '../../store';
import type { Translate } from '../i18n/types';
import { describeFinding, ruleName } from '../i18n/codes';
import { describeRulesOff } from '../i18n/ruleStrings';
import { useFrame, useIntents, useLab, useT } from '../labContext';

type Violation = Frame['violations'][number];

/** Each finding once, at its first report: the event that broke the rule. */
function firstReports(violations: readonly Violation[]): Violation[] {
  const seen = new Set<string>();
  return violations.filter((v) => {
    const key = `${v.ruleId} ${JSON.stringify(v.finding)}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

export function SafetyAlarm() {
  const t = useT();
  const lab = useIntents();
  const violations = useFrame()?.violations;
  const still = useReducedMotion() ?? false;
  if (!violations || violations.length === 0) return null;
  const shown = firstReports(violations);
  const checkers = new Set(violations.map((v) => v.ruleId)).size;
  return (
    // A short shake draws the room's eye to the alarm, unless the person asked for less motion.
    <motion.div
      className="rl-alarm"
      role="alert"
      initial={still ? false : { x: 0 }}
      animate={still ? {} : { x: [0, -10, 10, -6, 6, 0] }}
      transition={{ duration: 0.5 }}
    >
      <strong className="rl-alarm-head">{t('app.safety.alarm', { count: checkers })}</strong>
      <ul>
        {shown.slice(0, 3).map((v) => (
          <li key={`${v.seq} ${v.ruleId}`} className="rl-alarm-item">
            <div className="rl-alarm-line">
              <b className="rl-alarm-rule">{ruleName(v.ruleId, t)}</b>
              <span className="rl-alarm-when">
                {t('rules.alarm.where', { n: v.seq + 1, at: v.at })}
              </span>
              <button
                type="button"
                className="rl-alarm-goto"
                onClick={() => void lab.seekTo(v.seq + 1)}
              >
                {t('rules.alarm.goto', { n: v.seq + 1 })}
              </button>
            </div>
            <div className="rl-alarm-finding">{describeFinding(v.finding, t)}</div>
            <div className="rl-alarm-why">{t(`app.safety.rule.${v.ruleId}`)}</div>
          </li>
        ))}
      </ul>
      <AlarmFooter t={t} />
    </motion.div>
  );
}

/** What the drawing marks, and the rules this run switched off (the likely cause). */
function AlarmFooter({ t }: { t: Translate }) {
  const broken = useLab((s) => selectHighlights(s).broken);
  const off = describeRulesOff(
    useLab((s) => s.settings.rules),
    t,
  );
  const names = [
    ...[...broken.nodes].sort((a, b) => a - b).map((n) => `S${n}`),
    ...[...broken.entries].map((key) => {
      const [node, index] = key.split(':').map(Number);
      return t('rules.alarm.entry', { node: node!, index: index! });
    }),
  ];
  const sep = t('app.list.separator');
  if (names.length === 0 && !off) return null;
  return (
    <p className="rl-alarm-foot">
      {names.length > 0 && (
        <span className="rl-alarm-marked">
          {t('rules.alarm.marked', { names: names.join(sep) })}
        </span>
      )}
      {off && <span className="rl-alarm-because">{t('rules.alarm.because', { rules: off })}</span>}
    </p>
  );
}
