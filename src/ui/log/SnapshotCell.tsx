// A server's snapshot in the log strip (UI layer, thesis §5): one block spanning the indexes it
// covers in the window, before the first entry the log still holds — "snapshot ≤ 120" over
// "term 2" (one line when the strip is compact) — in the brown that InstallSnapshot wears. The
// leader's n and m markers that fall inside it stay visible at its right end.
import type { NodeFrame } from '../../store/frame';
import type { Translate } from '../i18n/types';
import type { CellMark } from './LogCell';

interface Props {
  snapshot: NonNullable<NodeFrame['snapshot']>;
  /** How many of the window's columns it covers (at least 1). */
  span: number;
  /** The n and m markers that fall on indexes it covers. */
  marks: readonly string[];
  /** A lesson points at it, or a safety check names it. */
  mark: CellMark;
  t: Translate;
}

export function SnapshotCell({ snapshot, span, marks, mark, t }: Props) {
  const params = { index: snapshot.lastIncludedIndex, term: snapshot.lastIncludedTerm };
  const label = t('snap.strip.label', params);
  return (
    <td
      className="rl-log-cell rl-log-snapshot"
      colSpan={span}
      title={label}
      aria-label={label}
      data-snapshot={snapshot.lastIncludedIndex}
      data-highlight={mark ?? undefined}
    >
      <span className="rl-log-in">
        <span className="rl-log-term">{t('snap.strip.upTo', params)}</span>
        <span className="rl-log-mark-box">
          {marks.map((m) => (
            <span key={m} className="rl-log-marks">
              {m}
            </span>
          ))}
        </span>
        <span className="rl-log-cmd">{t('snap.strip.term', params)}</span>
      </span>
    </td>
  );
}
