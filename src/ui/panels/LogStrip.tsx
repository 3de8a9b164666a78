// The log strip under the cluster (UI layer): every node's log for the frame on screen.
import { LogTable } from '../log/LogTable';
import { useIntents, useLab, useT } from '../labContext';

export function LogStrip() {
  const t = useT();
  const frame = useLab((s) => s.frame);
  const lab = useIntents();
  return (
    <div className="rl-logstrip">
      {frame && (
        <LogTable
          frame={frame}
          t={t}
          onSelect={(sel) => {
            lab.selectItem(sel);
            if (sel) lab.showPanel('inspect');
          }}
        />
      )}
    </div>
  );
}
