// What stands under the cluster (UI layer): the log strip, or in its place, full width, the
// space-time diagram. The switch between them sits on both, at the same spot.
import { useState } from 'react';
import type { ReactNode } from 'react';
import { useT } from '../labContext';
import { SpaceTimeDiagram } from './SpaceTimeDiagram';
import './diagram.css';

export function StageView({ logs }: { logs: (toggle: ReactNode) => ReactNode }) {
  const t = useT();
  const [diagram, setDiagram] = useState(false);
  const toggle = (
    <span className="rl-segmented rl-st-switch" role="group" aria-label={t('diagram.switch')}>
      <button type="button" aria-pressed={!diagram} onClick={() => setDiagram(false)}>
        {t('diagram.switch.logs')}
      </button>
      <button type="button" aria-pressed={diagram} onClick={() => setDiagram(true)}>
        {t('diagram.switch.diagram')}
      </button>
    </span>
  );
  return diagram ? <SpaceTimeDiagram toggle={toggle} /> : logs(toggle);
}
