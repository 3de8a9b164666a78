// The space-time diagram's marks (UI layer): on a server's lane, a glyph for a pre-vote, an
// election, a new leader, a step-down, a commit, a crash, a restart, a fault, or a person's touch
// on a message; across the lanes, a line for a network change (a partition, a heal, manual
// delivery) and, between two lanes, for a link cut or restored. Each names itself in a title.
import { memo } from 'react';
import type { ReactNode } from 'react';
import type { ScaleLinear } from 'd3-scale';
import type { Mark } from '../../layout/spaceTime';
import type { DiagramBox } from '../../layout/spaceTimeView';
import { laneHeight, laneY } from '../../layout/spaceTimeView';
import type { Translate } from '../i18n/types';
import { markTitle } from './diagramText';

/** A glyph centred on (0, 0), about 2s across. */
function glyph(kind: Mark['kind'], s: number): ReactNode {
  const cross = `M${-s},${-s}L${s},${s}M${-s},${s}L${s},${-s}`;
  switch (kind) {
    case 'preVote':
    case 'election':
      return <circle r={s * 0.8} />;
    case 'leader':
      return <path d={`M0,${-s * 1.2}L${s * 1.2},0L0,${s * 1.2}L${-s * 1.2},0Z`} />;
    case 'stepDown':
      return <path d={`M${-s},${-s * 0.7}L${s},${-s * 0.7}L0,${s}Z`} />;
    case 'commit':
      return <rect x={-s * 0.45} y={s * 0.45} width={s * 0.9} height={s * 0.9} />;
    case 'crash':
    case 'fault':
    case 'drop':
      return <path d={cross} />;
    case 'restart':
      return <circle r={s * 0.9} />;
    case 'hold':
      return <path d={`M${-s * 0.4},${-s}V${s}M${s * 0.4},${-s}V${s}`} />;
    case 'release':
      return <path d={`M${-s * 0.6},${-s}L${s},0L${-s * 0.6},${s}Z`} />;
    default:
      return <circle r={s * 0.6} />;
  }
}

const ACROSS = new Set<Mark['kind']>(['partition', 'heal', 'releaseAll', 'manual']);

export const DiagramMarks = memo(function DiagramMarks({
  box,
  view,
  marks,
  t,
}: {
  box: DiagramBox;
  view: ScaleLinear<number, number>;
  marks: readonly Mark[];
  t: Translate;
}) {
  const s = Math.max(3, Math.min(7, laneHeight(box) * 0.28));
  const top = box.axis;
  const bottom = laneY(box, box.lanes) + laneHeight(box) / 2;
  return (
    <g className="rl-st-marks">
      {marks.map((m) => {
        const x = view(m.at);
        const key = `${m.seq}-${m.kind}-${m.node ?? ''}`;
        const title = <title>{markTitle(m, t)}</title>;
        const cls = `rl-st-mark rl-st-mark-${m.kind}`;
        if (ACROSS.has(m.kind) || m.node === null) {
          return (
            <line key={key} className={cls} x1={x} x2={x} y1={top} y2={bottom}>
              {title}
            </line>
          );
        }
        if ((m.kind === 'cut' || m.kind === 'restore') && m.peer !== null) {
          return (
            <line
              key={key}
              className={cls}
              x1={x}
              x2={x}
              y1={laneY(box, m.node)}
              y2={laneY(box, m.peer)}
            >
              {title}
            </line>
          );
        }
        return (
          <g key={key} className={cls} transform={`translate(${x},${laneY(box, m.node)})`}>
            {title}
            {glyph(m.kind, s)}
          </g>
        );
      })}
    </g>
  );
});
