// The space-time diagram's key (UI layer): what its bands, lines, arrows and marks mean, each
// with a small sample drawn as the diagram draws it.
import type { ReactNode } from 'react';
import type { Translate } from '../i18n/types';

const sample = (body: ReactNode, cls = '') => (
  <svg className={`rl-st-sample ${cls}`} viewBox="-12 -8 24 16" aria-hidden="true">
    {body}
  </svg>
);

export function DiagramKey({ t, id }: { t: Translate; id: string }) {
  const items: [string, ReactNode][] = [
    [
      'term',
      sample(<rect className="rl-st-band" x={-11} y={-7} width={22} height={14} fill="#4e79a7" />),
    ],
    [
      'down',
      sample(<line className="rl-st-line rl-st-line-down" x1={-11} x2={11} y1={0} y2={0} />),
    ],
    [
      'arrow',
      sample(<line className="rl-st-arrow-sample rl-st-append" x1={-10} y1={-6} x2={10} y2={6} />),
    ],
    ['lost', sample(<path className="rl-st-cross" d="M-5,-5L5,5M-5,5L5,-5" />)],
    ['wait', sample(<line className="rl-st-wait rl-st-append" x1={-10} x2={10} y1={0} y2={0} />)],
    ['now', sample(<line className="rl-st-now-sample" x1={0} x2={0} y1={-7} y2={7} />)],
    ['election', sample(<circle r={5} />, 'rl-st-mark-election')],
    ['leader', sample(<path d="M0,-7L7,0L0,7L-7,0Z" />, 'rl-st-mark-leader')],
    ['commit', sample(<rect x={-4} y={-4} width={8} height={8} />, 'rl-st-mark-commit')],
    ['crash', sample(<path d="M-5,-5L5,5M-5,5L5,-5" />, 'rl-st-mark-crash')],
    ['network', sample(<line x1={0} x2={0} y1={-7} y2={7} />, 'rl-st-mark-partition')],
    ['touch', sample(<path d="M-2,-6V6M2,-6V6" />, 'rl-st-mark-hold')],
  ];
  return (
    <ul className="rl-st-key" id={id}>
      {items.map(([key, svg]) => (
        <li key={key}>
          {svg}
          {t(`diagram.key.${key}`)}
        </li>
      ))}
    </ul>
  );
}
