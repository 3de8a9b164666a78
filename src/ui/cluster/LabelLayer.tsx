// Every word the layout placed in the drawing, each in the rect it was given (UI layer). Memoized
// on the plan, which changes only when a text, the box or the fonts change: an animation frame
// never redraws it. Hidden from screen readers: the nodes' names and descriptions say the same.
import { memo } from 'react';
import type { LabelPlan, PlacedLabel } from '../../layout/labels';
import { LABEL_GAP } from '../../layout/labels';
import type { LabelText } from './drawingLabels';
import { PAD_X } from './drawingLabels';
import type { DrawingText } from './useDrawingText';

interface Props {
  plan: LabelPlan;
  texts: ReadonlyMap<string, LabelText>;
  /** The classes each node's state gives its words, by node id. */
  ownerClass: ReadonlyMap<number, string>;
  metrics: DrawingText;
}

function Lines({
  placed,
  text,
  metrics,
}: {
  placed: PlacedLabel;
  text: LabelText;
  metrics: DrawingText;
}) {
  const { rect, anchor } = placed;
  const style = metrics.styles[text.cls];
  const x =
    anchor === 'start'
      ? rect.x + PAD_X
      : anchor === 'end'
        ? rect.x + rect.width - PAD_X
        : rect.x + rect.width / 2;
  const lines = text.variants[placed.variant] ?? [];
  return (
    <>
      {lines.map((line, i) => (
        <text
          key={i}
          className={text.cls}
          x={x}
          y={rect.y + i * (style.height + LABEL_GAP) + style.ascent}
          textAnchor={anchor}
          data-label={placed.key}
        >
          {line}
        </text>
      ))}
    </>
  );
}

export const LabelLayer = memo(function LabelLayer({ plan, texts, ownerClass, metrics }: Props) {
  return (
    <g className="rl-labels" aria-hidden="true">
      {plan.placed.map((p) => {
        const text = texts.get(p.key);
        if (!text) return null;
        return (
          <g key={p.key} className={p.owner === 0 ? 'rl-drawing-note' : ownerClass.get(p.owner)}>
            <Lines placed={p} text={text} metrics={metrics} />
          </g>
        );
      })}
    </g>
  );
});
