// The faint links between every pair of nodes; a cut or partitioned link is drawn broken, and
// while messages may be lost every working link is dashed and fainter, the more the likelier.
// Each link has a wide invisible hit line: clicking it cuts or restores that link alone. From
// the keyboard the links are one tab stop: arrow keys move along them, Enter or Space toggles.
// A link a lesson points at is drawn thick and dashed in the pointer's colour.
import type { KeyboardEvent } from 'react';
import { memo, useRef, useState } from 'react';
import type { Translate } from '../i18n/types';
import type { RingLayout } from '../../layout/ring';
import { linkBroken } from '../../layout/partition';
import { linkKey } from '../../store';

interface Props {
  layout: RingLayout;
  groups: readonly (readonly number[])[] | null;
  cuts: readonly (readonly [number, number])[];
  /** The network's message loss, 0…1. */
  dropRate: number;
  /** `linkKey(a, b)` of the links a lesson points at. */
  highlighted: ReadonlySet<string>;
  t: Translate;
  onToggleLink(a: number, b: number): void;
}

export const LinkLayer = memo(function LinkLayer(props: Props) {
  const { layout, groups, cuts, dropRate, highlighted, t, onToggleLink } = props;
  const loss = Math.min(1, Math.max(0, dropRate));
  // 10 % loss: long dashes, barely fainter; 100 %: short dashes, wide gaps, faint.
  const lossy =
    loss > 0
      ? { strokeDasharray: `${12 - 8 * loss} ${3 + 9 * loss}`, opacity: 0.75 - 0.4 * loss }
      : undefined;
  const [current, setCurrent] = useState(0);
  const refs = useRef<(SVGGElement | null)[]>([]);
  const count = (layout.nodes.length * (layout.nodes.length - 1)) / 2;
  const focusable = Math.min(current, Math.max(0, count - 1));
  const move = (e: KeyboardEvent, index: number): void => {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
    if (step === undefined) return;
    e.preventDefault();
    const next = (index + step + count) % count;
    setCurrent(next);
    refs.current[next]?.focus();
  };
  const links = [];
  for (const a of layout.nodes) {
    for (const b of layout.nodes) {
      if (b.id <= a.id) continue;
      const broken = linkBroken(a.id, b.id, groups, cuts);
      const mx = (a.x + b.x) / 2;
      const my = (a.y + b.y) / 2;
      const label = t(broken ? 'visual.link.down' : 'visual.link.up', {
        a: `S${a.id}`,
        b: `S${b.id}`,
      });
      const index = links.length;
      const focus = highlighted.has(linkKey(a.id, b.id));
      const classes = ['rl-link'];
      if (broken) classes.push('rl-link-broken');
      if (focus) classes.push('rl-link-focus');
      links.push(
        <g
          key={`${a.id}-${b.id}`}
          ref={(el) => {
            refs.current[index] = el;
          }}
          className={classes.join(' ')}
          data-highlight={focus ? 'focus' : undefined}
          role="button"
          tabIndex={index === focusable ? 0 : -1}
          onFocus={() => setCurrent(index)}
          aria-label={label}
          onPointerDown={(e) => e.stopPropagation()}
          onClick={() => onToggleLink(a.id, b.id)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter' && e.key !== ' ') return move(e, index);
            e.preventDefault();
            onToggleLink(a.id, b.id);
          }}
        >
          <title>{focus ? `${label}\n${t('rules.mark.focus')}` : label}</title>
          {focus && <line className="rl-link-glow" x1={a.x} y1={a.y} x2={b.x} y2={b.y} />}
          <line className="rl-link-hit" x1={a.x} y1={a.y} x2={b.x} y2={b.y} />
          {broken ? (
            <>
              <line
                className="rl-link-line"
                x1={a.x}
                y1={a.y}
                x2={mx + (a.x - mx) * 0.12}
                y2={my + (a.y - my) * 0.12}
              />
              <line
                className="rl-link-line"
                x1={b.x}
                y1={b.y}
                x2={mx + (b.x - mx) * 0.12}
                y2={my + (b.y - my) * 0.12}
              />
              <path
                className="rl-link-cut"
                d={`M${mx - 6},${my - 6}L${mx + 6},${my + 6}M${mx + 6},${my - 6}L${mx - 6},${my + 6}`}
              />
            </>
          ) : (
            <line
              className={lossy ? 'rl-link-line rl-link-lossy' : 'rl-link-line'}
              style={lossy}
              x1={a.x}
              y1={a.y}
              x2={b.x}
              y2={b.y}
            />
          )}
        </g>,
      );
    }
  }
  return <g className="rl-links">{links}</g>;
});
