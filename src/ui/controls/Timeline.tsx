// The timeline (UI layer): a slider over every recorded frame, with markers for elections,
// crashes, network changes and (once there are any) membership changes. Moving it seeks; acting
// afterwards starts a new future there.
import { selectFirstSeq, selectHeadSeq, selectMarkers } from '../../store';
import { useIntents, useLab, useT } from '../labContext';

export function Timeline() {
  const t = useT();
  const first = useLab(selectFirstSeq);
  const head = useLab(selectHeadSeq);
  const cursor = useLab((s) => s.cursor);
  const markers = useLab(selectMarkers);
  const lab = useIntents();
  const span = Math.max(1, head - first);
  const shown = markers.length > 400 ? markers.slice(-400) : markers;
  return (
    <div className="rl-timeline">
      <div className="rl-timeline-track">
        <div className="rl-timeline-markers" aria-hidden="true">
          {shown.map((m) => (
            <span
              key={`${m.kind}-${m.seq}`}
              className={`rl-marker rl-marker-${m.kind}`}
              style={{ left: `${((m.seq - first) / span) * 100}%` }}
              title={t(`app.marker.${m.kind}`, { node: m.node ?? '' })}
            />
          ))}
        </div>
        <input
          type="range"
          className="rl-timeline-slider"
          aria-label={t('app.controls.timeline')}
          aria-valuetext={t('app.controls.event', { seq: cursor, head })}
          min={first}
          max={Math.max(first, head)}
          step={1}
          value={cursor}
          onChange={(e) => void lab.seekTo(Number(e.target.value))}
        />
      </div>
      <div className="rl-timeline-key" aria-hidden="true">
        <span className="rl-key rl-marker-election">{t('app.marker.elections')}</span>
        <span className="rl-key rl-marker-crash">{t('app.marker.crashes')}</span>
        <span className="rl-key rl-marker-partition">{t('app.marker.partitions')}</span>
        {markers.some((m) => m.kind === 'membership') && (
          <span className="rl-key rl-marker-membership">{t('app.marker.memberships')}</span>
        )}
      </div>
    </div>
  );
}
