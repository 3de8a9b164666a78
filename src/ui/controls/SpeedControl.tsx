// The speed slider (UI layer): 1 to 1,000 virtual ms per real second on a log scale.
import { positionFromSpeed, speedFromPosition } from '../../store';
import { useIntents, useLab, useT } from '../labContext';

const STEPS = 300;

export function SpeedControl() {
  const t = useT();
  const speed = useLab((s) => s.speed);
  const lab = useIntents();
  return (
    <label className="rl-speed">
      <span>{t('app.controls.speed')}</span>
      <input
        type="range"
        min={0}
        max={STEPS}
        step={1}
        value={Math.round(positionFromSpeed(speed) * STEPS)}
        aria-valuetext={t('app.controls.speedValue', { speed })}
        onChange={(e) => lab.setSpeed(speedFromPosition(Number(e.target.value) / STEPS))}
      />
      <output className="rl-speed-value">{t('app.controls.speedValue', { speed })}</output>
    </label>
  );
}
