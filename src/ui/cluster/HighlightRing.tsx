// The mark around a node the screen points at (UI layer, leaf): a lesson's pointer is a glow with
// a thick dashed ring that breathes; a server a failed safety check names gets an alarm glow with
// a solid ring that blinks. Dashed against solid, and two different motions, so the two differ
// without colour. Both stand still when the person asked for less motion. Drawn at (0, 0), behind
// the node's body, on the edge of everything else around it (the layout's halo).
import { domAnimation, LazyMotion, m } from 'framer-motion';

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
  const pulse =
    kind === 'focus'
      ? { scale: [1, 1.06, 1], transition: { duration: 1.6, repeat: Infinity } }
      : { opacity: [1, 0.4, 1], transition: { duration: 1.1, repeat: Infinity } };
  return (
    <LazyMotion features={domAnimation}>
      <m.g
        className={`rl-hl rl-hl-${kind}`}
        aria-hidden="true"
        animate={still ? { scale: 1, opacity: 1 } : pulse}
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
      </m.g>
    </LazyMotion>
  );
}
