// The log strip under the cluster (UI layer): every node's log for the frame on screen, one
// compact row per node. It shows as many of the newest indexes as fit its width, so entries
// never scroll off to the right; older ones are counted in the table's first column.
import { useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { LOG_COLUMNS } from '../../layout/logWindow';
import { LogTable } from '../log/LogTable';
import { useFrame, useIntents, useT } from '../labContext';

// Widths in CSS px that visual.css gives the row header, the "older" column and one cell
// (4.25rem plus 2 px border spacing).
const HEAD_PX = 168;
const HIDDEN_PX = 66;
const CELL_PX = 70;

export function LogStrip() {
  const t = useT();
  const frame = useFrame();
  const lab = useIntents();
  const ref = useRef<HTMLDivElement>(null);
  const columns = useColumnsThatFit(ref);
  return (
    <div className="rl-logstrip" ref={ref}>
      {frame && (
        <LogTable
          frame={frame}
          t={t}
          label={t('visual.log.stripLabel')}
          columns={columns}
          onSelect={(sel) => {
            lab.selectItem(sel);
            if (sel) lab.showPanel('inspect');
          }}
        />
      )}
    </div>
  );
}

/** How many log columns fit the element's width, following it as the window resizes. */
function useColumnsThatFit(ref: RefObject<HTMLElement | null>): number {
  const [columns, setColumns] = useState(LOG_COLUMNS);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const fit = Math.floor((el.clientWidth - 16 - HEAD_PX - HIDDEN_PX) / CELL_PX);
      setColumns(Math.max(3, Math.min(LOG_COLUMNS, fit)));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return columns;
}
