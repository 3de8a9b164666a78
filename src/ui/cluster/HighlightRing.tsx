// The mark around a node the screen points at (UI layer, leaf): a lesson's pointer is a glow with
// a thick dashed ring that breathes; a server a failed safety check names gets an alarm glow with
// a solid ring that blinks. Dashed against solid, and two different motions, so the two differ
// without colour. Both stand still when the person asked for less motion. Drawn at (0, 0), behind
// the node's body, on the edge of everything else around it (the layout's halo). The motion is
// one repeating Web Animation (framer-motion's mini animate).
import { useAnimate } from 'framer-motion/mini';
import { useEffect } from 'react';

interface Props {
  kind: 'focus' | 'broken';
  /** The halo radius: the ring sits just outside it. */
  radius: number;
  /** The node body's radius, which the ring's thickness follows. */
  nodeRadius: number;
  still: boolean;
}

export function HighlightRing({ kind, radius, nodeRadius, still }: Props) {
  const width = Math.max(5, Math.round(nodeRadius * 0.16));
  const [scope, animate] = useAnimate<SVGGElement>();
  useEffect(() => {
    if (still || !scope.current) return;
    const pulse =
      kind === 'focus'
        ? animate(
            scope.current,
            { transform: ['scale(1)', 'scale(1.06)', 'scale(1)'] },
            { duration: 1.6, repeat: Infinity },
          )
        : animate(scope.current, { opacity: [1, 0.4, 1] }, { duration: 1.1, repeat: Infinity });
    return () => pulse.cancel();
  }, [kind, still, scope, animate]);
  return (
    <g
      ref={scope}
      className={`rl-hl rl-hl-${kind}`}
      aria-hidden="true"
      style={{ transformBox: 'fill-box', transformOrigin: 'center' }}
    >
      <circle className="rl-hl-glow" r={radius} />
      {/* Centred on the halo's edge: half of it reaches into the gap the labels keep. */}
      <circle
        className="rl-hl-ring"
        r={radius}
        strokeWidth={width}
        strokeDasharray={kind === 'focus' ? `${width * 2.2} ${width * 1.3}` : undefined}
      />
    </g>
  );
}
