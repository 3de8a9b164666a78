// Messages held at their receivers' doors (UI layer): each waits where its path meets the
// receiver's rim, with a pause mark; several held on one link queue back along the path, the
// oldest nearest the door. Each is a message like any other: click it (or Enter) to inspect it
// and open its menu (release, drop, duplicate). Held messages do not move, so this layer does
// not follow the view clock.
import { memo } from 'react';
import type { FlightFrame } from '../../store/frame';
import type { MessageKind } from '../../sim';
import type { MessagePath } from '../../layout/messagePath';
import type { Point } from '../../layout/ring';
import type { Translate } from '../i18n/types';
import { FlightDot } from './FlightDot';

interface Props {
  /** The held messages, by id (the order they were sent). */
  held: readonly FlightFrame[];
  routes: ReadonlyMap<number, MessagePath>;
  scale: number;
  selected: number | null;
  menu: number | null;
  emphasized: ReadonlySet<MessageKind>;
  t: Translate;
  onActivate(id: number): void;
}

/** The gap between two messages queued on one link, at scale 1 (an AppendEntries mark is 30). */
const QUEUE_GAP = 32;

/**
 * Where each held message waits: its path's end, moved back along the path by its place in its
 * link's queue. E.g. two held S1 → S3: the first at the door, the second one gap behind it.
 */
export function doorSpots(
  held: readonly FlightFrame[],
  routes: ReadonlyMap<number, MessagePath>,
  scale: number,
): Map<number, Point> {
  const queued = new Map<string, number>();
  const spots = new Map<number, Point>();
  for (const f of held) {
    const path = routes.get(f.id);
    if (!path) continue;
    const link = `${f.message.from}>${f.message.to}`;
    const place = queued.get(link) ?? 0;
    queued.set(link, place + 1);
    // Back along the path: from its end towards its control point.
    const dx = path.control.x - path.to.x;
    const dy = path.control.y - path.to.y;
    const length = Math.hypot(dx, dy) || 1;
    const step = (place * QUEUE_GAP * scale) / length;
    spots.set(f.id, { x: path.to.x + dx * step, y: path.to.y + dy * step });
  }
  return spots;
}

export const HeldMessages = memo(function HeldMessages(props: Props) {
  const { held, routes, scale, selected, menu, emphasized, t, onActivate } = props;
  if (held.length === 0) return null;
  const spots = doorSpots(held, routes, scale);
  return (
    <g className="rl-held">
      {held.map((f) => {
        const spot = spots.get(f.id);
        return spot ? (
          <FlightDot
            key={f.id}
            flight={f}
            x={spot.x}
            y={spot.y}
            scale={scale}
            selected={selected === f.id}
            focus={emphasized.has(f.message.kind)}
            menuOpen={menu === f.id}
            t={t}
            onActivate={onActivate}
          />
        ) : null;
      })}
    </g>
  );
});
