// The space-time diagram's messages (UI layer): each placed arrow as a line from its send to
// where it stopped, with a filled head in its message's colour (part of its path: no markers to resolve), a thick stretch along the lane
// where it waited at the door, and a cross where a lost one died. Arrows come in buckets (see
// placedCache.ts) drawn by memoized components, so a pan redraws only new buckets; the arrow
// under the pointer and the one in the inspector are drawn again on top, thicker.
import { memo } from 'react';
import type { MessageLook } from '../../layout/messageLook';
import type { PlacedArrow } from '../../layout/spaceTimeView';

const REPLIES = new Set<MessageLook>([
  'voteGranted',
  'voteDenied',
  'appendOk',
  'appendRejected',
  'readIndexReply',
  'clientReply',
]);

function ArrowLines({ p, extra }: { p: PlacedArrow; extra?: string }) {
  const a = p.arrow;
  const cls = `rl-st-arrow rl-st-${p.look}${REPLIES.has(p.look) ? ' rl-st-reply' : ''}${
    a.fate === 'flying' ? ' rl-st-flying' : ''
  }${extra ?? ''}`;
  return (
    <>
      <path
        className={cls}
        d={p.d}
        data-flight={extra ? undefined : (a.flight ?? undefined)}
        data-marked={extra ? (a.flight ?? undefined) : undefined}
      />
      {p.wait && (
        <line
          className={`${cls} rl-st-wait`}
          x1={p.wait.x1}
          y1={p.wait.y}
          x2={p.wait.x2}
          y2={p.wait.y}
        />
      )}
      {p.cross && (
        <path
          className="rl-st-cross"
          d={`M${p.cross.x - 5},${p.cross.y - 5}L${p.cross.x + 5},${p.cross.y + 5}M${p.cross.x - 5},${p.cross.y + 5}L${p.cross.x + 5},${p.cross.y - 5}`}
        />
      )}
    </>
  );
}

const ArrowBucket = memo(function ArrowBucket({ placed }: { placed: readonly PlacedArrow[] }) {
  return (
    <g>
      {placed.map((p) => (
        <ArrowLines key={p.arrow.key} p={p} />
      ))}
    </g>
  );
});

export function DiagramArrows({
  buckets,
  placed,
  selected,
  hover,
}: {
  buckets: readonly { key: number; placed: readonly PlacedArrow[] }[];
  placed: readonly PlacedArrow[];
  /** The flight the inspector shows, if any. */
  selected: number | null;
  hover: number | null;
}) {
  const marked = placed.filter(
    (p) => p.arrow.key === hover || (selected !== null && p.arrow.flight === selected),
  );
  return (
    <g className="rl-st-arrows">
      {buckets.map((b) => (
        <ArrowBucket key={b.key} placed={b.placed} />
      ))}
      {marked.map((p) => (
        <ArrowLines
          key={p.arrow.key}
          p={p}
          extra={p.arrow.flight === selected ? ' rl-st-selected' : ' rl-st-hover'}
        />
      ))}
    </g>
  );
}
