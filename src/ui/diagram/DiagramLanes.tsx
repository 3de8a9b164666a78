// The space-time diagram's lanes (UI layer): one per server, labelled S1…Sn in the colour of its
// role at the cursor; each stretch of a lane is banded in its term's colour (layout/termColor.ts),
// drawn in its role's colour (thick for a leader) and dashed while the server is down. Where a
// band is wide and the lane tall enough, the band names its term.
import { memo } from 'react';
import type { ScaleLinear } from 'd3-scale';
import type { LaneSpan } from '../../layout/spaceTime';
import type { DiagramBox } from '../../layout/spaceTimeView';
import { laneHeight, laneY } from '../../layout/spaceTimeView';
import { termColor } from '../../layout/termColor';
import type { Translate } from '../i18n/types';

export const DiagramLanes = memo(function DiagramLanes({
  box,
  view,
  lanes,
  headAt,
  em,
  t,
}: {
  box: DiagramBox;
  view: ScaleLinear<number, number>;
  lanes: readonly (readonly LaneSpan[])[];
  headAt: number;
  em: number;
  t: Translate;
}) {
  const h = laneHeight(box);
  const left = box.gutter;
  const right = box.width - box.right;
  const named = h >= em * 3;
  return (
    <g className="rl-st-lanes">
      {Array.from({ length: box.lanes }, (_, i) => {
        const node = i + 1;
        const spans = lanes[i] ?? [];
        const y = laneY(box, node);
        return (
          <g key={node} className="rl-st-lane">
            {spans.map((s) => {
              const x0 = Math.max(left, view(s.start));
              const x1 = Math.min(right, view(s.end ?? headAt));
              if (!(x1 > x0)) return null;
              const kind = s.alive ? s.role : 'down';
              return (
                <g key={s.start}>
                  <rect
                    className="rl-st-band"
                    x={x0}
                    y={y - h / 2 + 1}
                    width={x1 - x0}
                    height={Math.max(0, h - 2)}
                    fill={termColor(s.term)}
                  />
                  <line className={`rl-st-line rl-st-line-${kind}`} x1={x0} x2={x1} y1={y} y2={y} />
                  {named && x1 - x0 > em * 6 && (
                    <text className="rl-st-term" x={x0 + em * 0.3} y={y - h / 2 + em * 1.05}>
                      {t('visual.node.term', { term: s.term })}
                    </text>
                  )}
                </g>
              );
            })}
          </g>
        );
      })}
    </g>
  );
});

/** The lane labels, S1…Sn, each in the colour of its server's role at the cursor. */
export function LaneLabels({
  box,
  lanes,
  cursorAt,
  em,
}: {
  box: DiagramBox;
  lanes: readonly (readonly LaneSpan[])[];
  cursorAt: number;
  em: number;
}) {
  return (
    <g className="rl-st-labels">
      <rect className="rl-st-gutter" x={0} y={0} width={box.gutter} height={box.height} />
      {Array.from({ length: box.lanes }, (_, i) => {
        const spans = lanes[i] ?? [];
        const now = spans.find((s) => s.start <= cursorAt && (s.end ?? Infinity) > cursorAt);
        const role = now ? (now.alive ? now.role : 'down') : 'none';
        return (
          <text
            key={i}
            className={`rl-st-label rl-st-label-${role}`}
            x={box.gutter - em * 0.35}
            y={laneY(box, i + 1)}
            dominantBaseline="central"
            textAnchor="end"
          >
            {`S${i + 1}`}
          </text>
        );
      })}
    </g>
  );
}
