// The virtual clock as text (UI layer): a leaf that alone follows the view clock, so the panels
// around it re-render only when the frame changes.
import { useViewTime } from '../labContext';
import { formatMs } from './format';

export function ClockText({ className, label }: { className?: string; label?: string }) {
  const viewTime = useViewTime();
  return label ? (
    <output className={className} aria-label={label}>
      {formatMs(viewTime)}
    </output>
  ) : (
    <span className={className}>{formatMs(viewTime)}</span>
  );
}
