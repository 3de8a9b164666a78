// Two branches compared (UI layer): the first event where their traces differ (click to see it),
// each branch's event there, and both side by side at one virtual time, which the person can
// change. The store computed all of it (compareBranches); this words and lays it out.
import { useState } from 'react';
import type { BranchComparison } from '../../store';
import type { TraceEvent } from '../../sim';
import { useIntents, useLab, useT } from '../labContext';
import { BranchSideView } from './BranchSideView';
import { describeTraceEvent } from './eventText';

export function ComparisonView({ comparison: c }: { comparison: BranchComparison }) {
  const t = useT();
  const lab = useIntents();
  const branchId = useLab((s) => s.branchId);
  const seq = c.firstDifference;
  // The frames before the difference are shared; the one at it is seen on one of the two.
  const seek = async (to: number) => {
    if (branchId !== c.a && branchId !== c.b) await lab.switchBranch(c.b);
    await lab.seekTo(to);
  };
  const eventLine = (id: number, e: TraceEvent | null) =>
    t('history.compare.event', {
      id,
      text: e ? describeTraceEvent(e, t) : t('history.compare.noEvent'),
    });
  return (
    <section className="rl-comparison" aria-labelledby="rl-comparison-title">
      <div className="rl-comparison-head">
        <h4 id="rl-comparison-title">{t('history.compare.heading', { a: c.a, b: c.b })}</h4>
        <button type="button" className="rl-button rl-button-small" onClick={lab.closeComparison}>
          {t('history.compare.close')}
        </button>
      </div>
      {seq === null ? (
        <p>{t('history.compare.none')}</p>
      ) : (
        <div className="rl-comparison-first">
          <p>
            {t('history.compare.first', { seq, at: c.divergedAt ?? 0 })}{' '}
            <button
              type="button"
              className="rl-button rl-button-small"
              onClick={() => void seek(seq)}
            >
              {t('history.compare.seek', { seq })}
            </button>
          </p>
          <ul className="rl-comparison-events">
            <li>{eventLine(c.a, c.events[0])}</li>
            <li>{eventLine(c.b, c.events[1])}</li>
          </ul>
        </div>
      )}
      <TimeForm key={`${c.a}-${c.b}-${c.at}`} comparison={c} />
      <div className="rl-comparison-sides" aria-label={t('history.compare.sides')} role="group">
        <BranchSideView side={c.sides[0]} other={c.sides[1]} />
        <BranchSideView side={c.sides[1]} other={c.sides[0]} />
      </div>
    </section>
  );
}

/** The virtual time both sides are shown at, and a field to show another. */
function TimeForm({ comparison: c }: { comparison: BranchComparison }) {
  const t = useT();
  const lab = useIntents();
  const [text, setText] = useState(String(c.at));
  return (
    <form
      className="rl-comparison-time"
      onSubmit={(e) => {
        e.preventDefault();
        void lab.compareBranches(c.a, c.b, Number(text));
      }}
    >
      <strong>{t('history.compare.at', { at: c.at })}</strong>
      <label>
        {t('history.compare.time')}
        <input
          type="number"
          min={0}
          step={1}
          inputMode="numeric"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <button type="submit" className="rl-button rl-button-small">
        {t('history.compare.show')}
      </button>
    </form>
  );
}
