// The loud safety alarm (UI layer): shown over the cluster as soon as any checker reports a
// violation in the frame on screen. It names the property by its rule id, says at which event
// and virtual time it broke, words what was found from its code in the reader's language (the
// servers and entries it names are marked in the drawing, the logs and the inspector), and jumps
// to that event on a click. A finding a checker repeats on later events is listed once, at the
// event that first broke the rule. A stale read (Linearizability, thesis §6.4) also shows the
// operations involved on a small timeline: the write it missed, then the read; when only local
// reads (which check nothing) went stale, the headline says Raft never promised them. Short on
// purpose: every line it takes, the drawing loses, so it folds to one line on request (a short
// projector screen cannot spare the drawing for it); a new violation unfolds it again.
import { useState } from 'react';
import type { Frame, FrameList } from '../../store';
import type { Translate } from '../i18n/types';
import { frameAt, staleReadStory } from '../../store';
import { describeFinding, ruleName } from '../i18n/codes';
import { describeRulesOff } from '../i18n/ruleStrings';
import { useFrame, useIntents, useLab, useLabStore, useT } from '../labContext';
import { describeAlarmHeadline } from './alarmHeadline';
import type { FindRequest } from './alarmHeadline';
import { AlarmShake } from './AlarmShake';
import { StaleReadTimeline } from './StaleReadTimeline';

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
  const frame = useFrame();
  const violations = frame?.violations;
  // Read, not subscribed: a violation's frames are recorded before it shows, and never change.
  const store = useLabStore();
  // With rules switched off the failure was asked for: the headline says so, and names them.
  const rules = useLab((s) => s.settings.rules);
  const off = describeRulesOff(rules, t);
  // Folded as of this many violations: one more than that unfolds it.
  const [foldedAt, setFoldedAt] = useState<number | null>(null);
  if (!violations || violations.length === 0) return null;
  const shown = firstReports(violations);
  // The read a finding names: in the frame on screen, else in the frame of the event it broke.
  const findRequest: FindRequest = (id, seq) =>
    frame?.requests.find((r) => r.id === id) ??
    frameAt(store.getState(), seq + 1)?.requests.find((r) => r.id === id);
  const folded = foldedAt !== null && foldedAt >= violations.length;
  const fold = (
    <button
      type="button"
      className="rl-alarm-fold"
      aria-expanded={!folded}
      onClick={() => setFoldedAt(folded ? null : violations.length)}
    >
      {t(folded ? 'rules.alarm.unfold' : 'rules.alarm.fold')}
    </button>
  );
  return (
    <AlarmShake>
      <div className="rl-alarm-top">
        <strong className="rl-alarm-head">
          {off
            ? t('rules.alarm.expected', { rules: off })
            : describeAlarmHeadline(violations, findRequest, t)}
          {folded && ` ${shown.map((v) => ruleName(v.ruleId, t)).join(t('app.list.separator'))}`}
        </strong>
        {fold}
      </div>
      <ul hidden={folded}>
        {shown.slice(0, 3).map((v) => (
          <li key={`${v.seq} ${v.ruleId}`} className="rl-alarm-item">
            <p className="rl-alarm-what">
              <b className="rl-alarm-rule">{ruleName(v.ruleId, t)}</b>
              {' · '}
              <span className="rl-alarm-when">
                {t('rules.alarm.where', { n: v.seq + 1, at: v.at })}
              </span>
              {t('rules.alarm.colon')}
              <span className="rl-alarm-finding">{describeFinding(v.finding, t)}</span>
            </p>
            <button
              type="button"
              className="rl-alarm-goto"
              onClick={() => void lab.seekTo(v.seq + 1)}
            >
              {t('rules.alarm.goto', { n: v.seq + 1 })}
            </button>
            <Story finding={v.finding} history={store.getState().history} t={t} />
            <p className="rl-alarm-why">{t(`app.safety.rule.${v.ruleId}`)}</p>
          </li>
        ))}
      </ul>
    </AlarmShake>
  );
}

/** A stale read's timeline; nothing for any other finding. */
function Story(props: { finding: Violation['finding']; history: FrameList; t: Translate }) {
  const story = staleReadStory(props.history, props.finding);
  return story ? <StaleReadTimeline story={story} t={props.t} /> : null;
}
