// The space-time diagram's time axis (UI layer): ticks along the top with light grid lines down
// through the lanes, and the cursor: the instant on screen as a line, with what comes after it
// (the recorded future) veiled.
import { memo } from 'react';
import type { ScaleLinear } from 'd3-scale';
import type { DiagramBox } from '../../layout/spaceTimeView';
import { timeTicks } from '../../layout/spaceTimeView';
import type { Translate } from '../i18n/types';
import { timeText } from './diagramText';

export const DiagramAxis = memo(function DiagramAxis({
  box,
  view,
  em,
  t,
}: {
  box: DiagramBox;
  view: ScaleLinear<number, number>;
  em: number;
  t: Translate;
}) {
  const plot = box.width - box.right - box.gutter;
  // A label is centred on its tick: keep those whose label fits inside the plot.
  const ticks = timeTicks(view, plot, em * 7).filter(
    (k) => k.x >= box.gutter + em * 2.2 && k.x <= box.width - box.right - em * 2.2,
  );
  const step = ticks.length > 1 ? ticks[1]!.ms - ticks[0]!.ms : 1;
  return (
    <g className="rl-st-axis" aria-hidden="true">
      {ticks.map((k) => (
        <g key={k.ms}>
          <line className="rl-st-grid" x1={k.x} x2={k.x} y1={box.axis - 4} y2={box.height} />
          <text className="rl-st-tick" x={k.x} y={box.axis - 6} textAnchor="middle">
            {timeText(k.ms, step, t)}
          </text>
        </g>
      ))}
    </g>
  );
});

/** The cursor's instant as a line, and the recorded future after it veiled. */
export function NowLine({ box, x }: { box: DiagramBox; x: number }) {
  const right = box.width - box.right;
  if (x > right) return null;
  const from = Math.max(box.gutter, x);
  return (
    <g className="rl-st-now" aria-hidden="true">
      <rect
        className="rl-st-future"
        x={from}
        y={box.axis}
        width={right - from}
        height={box.height - box.axis}
      />
      {x >= box.gutter && <line x1={x} x2={x} y1={box.axis - 2} y2={box.height} />}
    </g>
  );
}
