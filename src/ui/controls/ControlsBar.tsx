// The time controls (UI layer): transport, the clock with the event counter and the "in the
// past" notice, speed, "pause when…", the keys help, the timeline over the whole recorded
// history, and the undo after acting in the past. The bar is self-contained and fluid: its
// groups wrap onto more rows as its own width shrinks (flex-wrap and container queries in
// controls.css), so the clock, the counter and the notice are never cut or pushed away. Where
// the bar is narrow for its text size (zoom, presentation mode, large text), speed and "pause
// when…" fold behind one button, so the bar stuck to the bottom stays two rows high.
import { useState } from 'react';
import { useLab, useT } from '../labContext';
import { ClockReadout } from './ClockReadout';
import { KeysHelp } from './KeysHelp';
import { PauseWhenControls } from './PauseWhenControls';
import { RewriteDialog } from './RewriteDialog';
import { SpeedControl } from './SpeedControl';
import { Timeline } from './Timeline';
import { Transport } from './Transport';
import { UndoNotice } from './UndoNotice';
import { ManualDelivery, ManualDeliverySwitch } from '../panels/ManualDelivery';

export function ControlsBar() {
  const t = useT();
  const pausedBecause = useLab((s) => s.pausedBecause);
  const [more, setMore] = useState(false);
  return (
    <footer className="rl-controls" aria-label={t('app.controls.label')}>
      <div className={more ? 'rl-controls-body rl-more-open' : 'rl-controls-body'}>
        <div className="rl-controls-now">
          <Transport />
          <ClockReadout />
          <ManualDeliverySwitch place="wide" />
        </div>
        <div className="rl-controls-settings" id="rl-controls-settings">
          <SpeedControl />
          <PauseWhenControls />
          <ManualDeliverySwitch place="narrow" />
        </div>
        <div className="rl-controls-tools">
          <button
            type="button"
            className="rl-button rl-button-small rl-more-button"
            aria-expanded={more}
            aria-controls="rl-controls-settings"
            onClick={() => setMore(!more)}
          >
            {t('time.more')}
          </button>
          <KeysHelp />
        </div>
        <div className="rl-controls-timeline">
          <Timeline />
          <span className="rl-paused-because" aria-live="polite">
            {pausedBecause ? t(`app.pausedBecause.${pausedBecause}`) : ''}
          </span>
        </div>
        <ManualDelivery />
        <UndoNotice />
      </div>
      <RewriteDialog />
    </footer>
  );
}
