// The partition groups drawn as soft tinted regions behind the nodes, while the network is
// split; also the stroke being drawn right now, so a person sees where they are cutting.
import { memo, useMemo } from 'react';
import type { Point, RingLayout } from '../../layout/ring';
import { groupOutline, groupPieces } from '../../layout/regions';

interface Props {
  layout: RingLayout;
  groups: readonly (readonly number[])[] | null;
}

export const PartitionRegions = memo(function PartitionRegions({ layout, groups }: Props) {
  // A group is outlined in pieces, each in the group's colour, where one outline would wrap a
  // server of another group.
  const outlines = useMemo(() => {
    const pad = layout.haloRadius + 6;
    return (groups ?? []).flatMap((g, group) =>
      groupPieces(g, layout.nodes, pad).map((piece) => ({
        group,
        d: groupOutline(
          piece.map((id) => layout.nodes[id - 1]).filter((p): p is NonNullable<typeof p> => !!p),
          pad,
        ),
      })),
    );
  }, [groups, layout]);
  if (!groups) return null;
  return (
    <g className="rl-regions" aria-hidden="true">
      {outlines.map(({ group, d }, i) => (
        <path key={i} d={d} className={`rl-region rl-region-${group % 4}`} />
      ))}
    </g>
  );
});

export function StrokePreview({ points }: { points: readonly Point[] }) {
  if (points.length < 2) return null;
  const d = points.map((p, i) => `${i ? 'L' : 'M'}${p.x},${p.y}`).join('');
  return <path className="rl-stroke" d={d} aria-hidden="true" />;
}
