// The time controls (UI layer): step back, play/pause, step forward, speed, "pause when…",
// the timeline over the whole recorded history and the virtual clock.
import { selectFirstSeq, selectHeadSeq } from '../../store';
import { useIntents, useLab, useT } from '../labContext';
import { ClockText } from '../panels/ClockText';
import { PauseWhenControls } from './PauseWhenControls';
import { SpeedControl } from './SpeedControl';
import { Timeline } from './Timeline';
import { TransportIcon } from './TransportIcon';

export function ControlsBar() {
  const t = useT();
  const playing = useLab((s) => s.playing);
  const running = useLab((s) => s.status === 'running');
  const cursor = useLab((s) => s.cursor);
  const first = useLab(selectFirstSeq);
  const head = useLab(selectHeadSeq);
  const pausedBecause = useLab((s) => s.pausedBecause);
  const lab = useIntents();
  return (
    <footer className="rl-controls" aria-label={t('app.controls.label')}>
      <div className="rl-controls-row">
        <div className="rl-transport" role="group" aria-label={t('app.controls.transport')}>
          <button
            type="button"
            className="rl-button rl-icon-button"
            aria-label={t('app.controls.stepBack')}
            title={t('app.controls.stepBackKey')}
            disabled={!running || cursor <= first}
            onClick={() => void lab.stepBack()}
          >
            <TransportIcon name="back" />
          </button>
          <button
            type="button"
            className="rl-button rl-icon-button rl-play"
            aria-label={playing ? t('app.controls.pause') : t('app.controls.play')}
            title={t('app.controls.playKey')}
            disabled={!running}
            onClick={() => lab.togglePlay()}
          >
            <TransportIcon name={playing ? 'pause' : 'play'} />
          </button>
          <button
            type="button"
            className="rl-button rl-icon-button"
            aria-label={t('app.controls.stepForward')}
            title={t('app.controls.stepForwardKey')}
            disabled={!running}
            onClick={() => void lab.stepForward()}
          >
            <TransportIcon name="forward" />
          </button>
        </div>
        <SpeedControl />
        <PauseWhenControls />
        <div className="rl-clock" aria-live="off">
          <ClockText className="rl-clock-time" />
          <span className="rl-clock-event">
            {t('app.controls.event', { seq: cursor, head })}
            {cursor < head && <span className="rl-past"> · {t('app.controls.inPast')}</span>}
          </span>
        </div>
      </div>
      <div className="rl-controls-row">
        <Timeline />
        <span className="rl-paused-because" aria-live="polite">
          {pausedBecause ? t(`app.pausedBecause.${pausedBecause}`) : ''}
        </span>
      </div>
    </footer>
  );
}
