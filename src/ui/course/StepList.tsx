// The lesson's steps as numbered buttons (UI layer): any step opens directly, rebuilt exactly.
import { useIntents, useT } from '../labContext';

export function StepList({
  count,
  current,
  disabled,
}: {
  count: number;
  current: number;
  disabled: boolean;
}) {
  const t = useT();
  const lab = useIntents();
  return (
    <ol className="rl-steps" aria-label={t('course.stepList')}>
      {Array.from({ length: count }, (_, i) => (
        <li key={i}>
          <button
            type="button"
            aria-label={t('course.goToStep', { step: i + 1 })}
            aria-current={i === current ? 'step' : undefined}
            disabled={disabled}
            onClick={() => void lab.goToStep(i)}
          >
            {i + 1}
          </button>
        </li>
      ))}
    </ol>
  );
}
