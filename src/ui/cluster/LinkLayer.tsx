// The faint links between every pair of nodes; a cut or partitioned link is drawn broken.
// Each link has a wide invisible hit line: clicking it cuts or restores that link alone.
import { memo } from 'react';
import type { Translate } from '../i18n/types';
import type { RingLayout } from '../../layout/ring';
import { linkBroken } from '../../layout/partition';

interface Props {
  layout: RingLayout;
  groups: readonly (readonly number[])[] | null;
  cuts: readonly (readonly [number, number])[];
  t: Translate;
  onToggleLink(a: number, b: number): void;
}

export const LinkLayer = memo(function LinkLayer(props: Props) {
  const { layout, groups, cuts, t, onToggleLink } = props;
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
      links.push(
        <g
          key={`${a.id}-${b.id}`}
          className={broken ? 'rl-link rl-link-broken' : 'rl-link'}
          role="button"
          tabIndex={0}
          aria-label={label}
          onPointerDown={(e) => e.stopPropagation()}
          onClick={() => onToggleLink(a.id, b.id)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter' && e.key !== ' ') return;
            e.preventDefault();
            onToggleLink(a.id, b.id);
          }}
        >
          <title>{label}</title>
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
            <line className="rl-link-line" x1={a.x} y1={a.y} x2={b.x} y2={b.y} />
          )}
        </g>,
      );
    }
  }
  return <g className="rl-links">{links}</g>;
});
