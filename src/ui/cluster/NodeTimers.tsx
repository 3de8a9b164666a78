// What moves on a node every animation frame: the election timer as a ring draining from
// full (just reset) to empty (fires), and the leader's heartbeat pulse. A server whose own
// configuration gives it no vote never stands (thesis §4.2.1), so it shows no timer. Cheap on
// purpose: one stroke-dasharray and one radius per node, no path maths. It follows the view clock.
import type { FlightFrame, NodeFrame } from '../../store/frame';
import type { RingLayout } from '../../layout/ring';
import { useViewTime } from '../labContext';

interface Props {
  nodes: readonly NodeFrame[];
  flights: readonly FlightFrame[];
  layout: RingLayout;
  reducedMotion: boolean;
}

/** Remaining share of the election timer, 1 just after a reset, 0 when it fires. */
export function timerLeft(node: NodeFrame, viewTime: number): number {
  if (node.electionTimeoutMs <= 0) return 0;
  const left = (node.electionDeadline - viewTime) / node.electionTimeoutMs;
  return Math.min(1, Math.max(0, left));
}

export function NodeTimers({ nodes, flights, layout, reducedMotion }: Props) {
  // The one subscription to the clock on the drawing: a tick redraws timers, nothing else.
  const viewTime = useViewTime();
  // Outside every role's outline (the candidate's diamond reaches 1.18 r); see ringsAround.
  const ring = layout.timerRadius;
  const grow = layout.haloRadius - ring + 10;
  return (
    <g className="rl-timers" aria-hidden="true">
      {nodes.map((node) => {
        const spot = layout.nodes[node.id - 1];
        if (!spot || !node.alive) return null;
        if (node.role === 'leader') {
          if (reducedMotion) return null;
          // The last heartbeat left when the leader's newest AppendEntries did; the next is due
          // at heartbeatDeadline. The pulse grows and fades over that interval.
          let lastBeat = -Infinity;
          for (const f of flights) {
            if (f.message.kind === 'AppendEntries' && f.message.from === node.id)
              lastBeat = Math.max(lastBeat, f.sentAt);
          }
          const interval = node.heartbeatDeadline - lastBeat;
          if (!(interval > 0) || !Number.isFinite(interval)) return null;
          const phase = Math.min(1, Math.max(0, (viewTime - lastBeat) / interval));
          return (
            <circle
              key={node.id}
              className="rl-pulse"
              cx={spot.x}
              cy={spot.y}
              r={ring + phase * grow}
              opacity={0.85 * (1 - phase)}
            />
          );
        }
        if (!node.canStand) return null;
        const left = timerLeft(node, viewTime);
        return (
          <g key={node.id} transform={`translate(${spot.x},${spot.y})`}>
            <circle className="rl-timer-track" r={ring} />
            <circle
              className={left < 0.25 ? 'rl-timer rl-timer-low' : 'rl-timer'}
              r={ring}
              pathLength={1}
              strokeDasharray={`${left} 1`}
              transform="rotate(-90)"
            />
          </g>
        );
      })}
    </g>
  );
}
