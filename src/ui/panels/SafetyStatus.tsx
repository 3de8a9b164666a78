// The checkers' status in the top bar (UI layer): a calm line while every property holds.
import { useLab, useT } from '../labContext';

export function SafetyStatus() {
  const t = useT();
  const broken = useLab((s) => s.frame?.violations.length ?? 0);
  return (
    <span
      className={broken ? 'rl-safety rl-safety-broken' : 'rl-safety'}
      title={t('app.safety.explain')}
    >
      {broken ? t('app.safety.broken', { count: broken }) : t('app.safety.ok', { count: 6 })}
    </span>
  );
}
