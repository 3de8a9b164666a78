// The space-time diagram's messages (UI layer): each placed arrow as a line from its send to
// where it stopped, with an arrowhead in its message's colour, a thick stretch along the lane
// where it waited at the door, and a cross where a lost one died. Geometry comes from
// layout/spaceTimeView.ts; clicks and hovers are the diagram's (it hit-tests in px).
import { memo } from 'react';
import type { MessageLook } from '../../layout/messageLook';
import { MESSAGE_LOOKS } from '../../layout/messageLook';
import type { PlacedArrow } from '../../layout/spaceTimeView';

const REPLIES = new Set<MessageLook>([
  'voteGranted',
  'voteDenied',
  'appendOk',
  'appendRejected',
  'readIndexReply',
  'clientReply',
]);

/** One arrowhead per look, in that look's colour. */
export function ArrowHeads({ prefix }: { prefix: string }) {
  return (
    <defs>
      {MESSAGE_LOOKS.map((look) => (
        <marker
          key={look}
          id={`${prefix}-${look}`}
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="9"
          markerHeight="9"
          markerUnits="userSpaceOnUse"
          orient="auto"
        >
          <path d="M0,0 L10,5 L0,10 z" className={`rl-st-head rl-st-${look}`} />
        </marker>
      ))}
    </defs>
  );
}

export const DiagramArrows = memo(function DiagramArrows({
  placed,
  prefix,
  selected,
  hover,
}: {
  placed: readonly PlacedArrow[];
  prefix: string;
  /** The flight the inspector shows, if any. */
  selected: number | null;
  hover: number | null;
}) {
  return (
    <g className="rl-st-arrows">
      {placed.map((p) => {
        const a = p.arrow;
        const classes = [
          'rl-st-arrow',
          `rl-st-${p.look}`,
          REPLIES.has(p.look) ? 'rl-st-reply' : '',
          a.fate === 'flying' ? 'rl-st-flying' : '',
          a.flight !== null && a.flight === selected ? 'rl-st-selected' : '',
          a.key === hover ? 'rl-st-hover' : '',
        ]
          .filter(Boolean)
          .join(' ');
        const head = a.fate === 'lost' || p.wait ? undefined : `url(#${prefix}-${p.look})`;
        return (
          <g key={a.key} className={classes}>
            <line
              x1={p.x1}
              y1={p.y1}
              x2={p.x2}
              y2={p.y2}
              markerEnd={head}
              data-flight={a.flight ?? undefined}
            />
            {p.wait && (
              <line
                className="rl-st-wait"
                x1={p.wait.x1}
                y1={p.wait.y}
                x2={p.wait.x2}
                y2={p.wait.y}
                markerEnd={a.fate === 'lost' ? undefined : `url(#${prefix}-${p.look})`}
              />
            )}
            {p.cross && (
              <path
                className="rl-st-cross"
                d={`M${p.cross.x - 5},${p.cross.y - 5}L${p.cross.x + 5},${p.cross.y + 5}M${p.cross.x - 5},${p.cross.y + 5}L${p.cross.x + 5},${p.cross.y - 5}`}
              />
            )}
          </g>
        );
      })}
    </g>
  );
});
