// "Pause when…" checkboxes (UI layer): playback stops at the event that meets a condition.
import type { PauseWhen } from '../../store';
import { useIntents, useLab, useT } from '../labContext';

const CONDITIONS: readonly (keyof PauseWhen)[] = ['leaderElected', 'termChanges', 'entryCommits'];

export function PauseWhenControls() {
  const t = useT();
  const pauseWhen = useLab((s) => s.pauseWhen);
  const lab = useIntents();
  return (
    <fieldset className="rl-pause-when">
      <legend>{t('app.pauseWhen.legend')}</legend>
      {CONDITIONS.map((c) => (
        <label key={c}>
          <input
            type="checkbox"
            checked={pauseWhen[c]}
            onChange={(e) => lab.setPauseWhen({ [c]: e.target.checked })}
          />
          {t(`app.pauseWhen.${c}`)}
        </label>
      ))}
    </fieldset>
  );
}
