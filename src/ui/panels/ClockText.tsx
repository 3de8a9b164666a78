// The virtual clock as text (UI layer): a leaf that alone follows the view clock, so the panels
// around it re-render only when the frame changes.
import { useViewTime } from '../labContext';
import { formatMs } from './format';

/**
 * Tenths of a ms, rounded down: the clock may stand at 1,066.97 ms while the cluster has been
 * run to 1,066 (nothing can happen before 1,067); rounding up would print a time not yet reached.
 */
export const clockText = (viewTime: number): string =>
  formatMs(Math.floor(viewTime * 10 + 1e-6) / 10);

export function ClockText({ className, label }: { className?: string; label?: string }) {
  const text = clockText(useViewTime());
  return label ? (
    <output className={className} aria-label={label}>
      {text}
    </output>
  ) : (
    <span className={className}>{text}</span>
  );
}
