// The log strip under the cluster (UI layer): its key, then every node's log for the frame on
// screen, one row per node. Self-contained: it sizes itself (two-line rows while all fit its
// share of the window, else one-line rows, and past that it scrolls with the leader's row
// pinned), and picks the widest cells that show the indexes needed at its own width and text
// size (layout/logWindow.ts), so nothing scrolls sideways.
import { useRef } from 'react';
import type { ReactNode } from 'react';
import { stripColumns, stripDensity } from '../../layout/logWindow';
import { LogKey } from '../log/LogKey';
import { LogTable, indexesNeeded } from '../log/LogTable';
import { useIntents, useSteadyFrame, useT } from '../labContext';
import { StageView } from '../diagram/StageView';
import type { Measure } from '../useRoom';
import { useRoom } from '../useRoom';

/** The strip, or in its place the space-time diagram; the switch between them sits on both. */
export function LogStrip() {
  return <StageView logs={(toggle) => <LogTableStrip toggle={toggle} />} />;
}

function LogTableStrip({ toggle }: { toggle: ReactNode }) {
  const t = useT();
  const frame = useSteadyFrame();
  const lab = useIntents();
  const ref = useRef<HTMLElement>(null);
  const emRef = useRef<HTMLSpanElement>(null);
  const room = useRoom(ref, emRef, stripBox);
  const layout = stripColumns(room.width, room.em, frame ? indexesNeeded(frame) : 0);
  const density = stripDensity(frame?.nodes.length ?? 0, room.height, room.em);
  return (
    <section className="rl-log-strip" ref={ref} data-density={density}>
      <div className="rl-stage-head">
        <LogKey t={t} />
        {toggle}
      </div>
      {/* 1em of the table's text, measured: columns follow the text size setting. */}
      <span className="rl-log-em" ref={emRef} aria-hidden="true" />
      {frame && (
        <LogTable
          frame={frame}
          t={t}
          label={t('visual.log.stripLabel')}
          layout={layout}
          onSelect={(sel) => {
            lab.selectItem(sel);
            if (sel) lab.showPanel('inspect');
          }}
        />
      )}
    </section>
  );
}

/** The strip's inner width (less its padding) and the window's height. */
const stripBox: Measure = (el) => {
  const style = getComputedStyle(el);
  const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
  return { width: Math.max(0, el.clientWidth - padding), height: window.innerHeight };
};
