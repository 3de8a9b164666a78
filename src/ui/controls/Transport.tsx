// Step back, play/pause, step forward (UI layer). The keys that do the same (←, Space, →) are
// announced with aria-keyshortcuts and listed by KeysHelp.
import { selectFirstSeq } from '../../store';
import { useIntents, useLab, useT } from '../labContext';
import { TransportIcon } from './TransportIcon';

export function Transport() {
  const t = useT();
  const playing = useLab((s) => s.playing);
  const running = useLab((s) => s.status === 'running');
  const atFirst = useLab((s) => s.cursor <= selectFirstSeq(s));
  const lab = useIntents();
  return (
    <div className="rl-transport" role="group" aria-label={t('app.controls.transport')}>
      <button
        type="button"
        className="rl-button rl-icon-button"
        aria-label={t('app.controls.stepBack')}
        aria-keyshortcuts="ArrowLeft"
        title={t('app.controls.stepBackKey')}
        disabled={!running || atFirst}
        onClick={() => void lab.stepBack()}
      >
        <TransportIcon name="back" />
      </button>
      <button
        type="button"
        className="rl-button rl-icon-button rl-play"
        aria-label={playing ? t('app.controls.pause') : t('app.controls.play')}
        aria-keyshortcuts="Space"
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
        aria-keyshortcuts="ArrowRight"
        title={t('app.controls.stepForwardKey')}
        disabled={!running}
        onClick={() => void lab.stepForward()}
      >
        <TransportIcon name="forward" />
      </button>
    </div>
  );
}
