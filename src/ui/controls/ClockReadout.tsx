// Where the screen is in time (UI layer): the virtual clock, the event counter and, when the
// screen shows the past, a notice that acting starts a new future there, with a way back to now.
// The controls bar keeps this block whole: it wraps onto its own row rather than being cut.
import { selectHeadSeq, selectInPast } from '../../store';
import { useIntents, useLab, useT } from '../labContext';
import { ClockText } from '../panels/ClockText';

export function ClockReadout() {
  const t = useT();
  const cursor = useLab((s) => s.cursor);
  const head = useLab(selectHeadSeq);
  const inPast = useLab(selectInPast);
  const lab = useIntents();
  return (
    <>
      <div className="rl-clock" data-testid="clock">
        <ClockText className="rl-clock-time" />
        <span className="rl-clock-event">{t('app.controls.event', { seq: cursor, head })}</span>
      </div>
      {inPast && (
        <div className="rl-past" role="status" data-testid="past-notice">
          <span className="rl-past-text">
            <strong>{t('time.past')}</strong> <span>{t('time.pastHint')}</span>
          </span>
          <button
            type="button"
            className="rl-button rl-button-small"
            title={t('time.toNowTitle')}
            onClick={() => void lab.seekTo(head)}
          >
            {t('time.toNow')}
          </button>
        </div>
      )}
    </>
  );
}
