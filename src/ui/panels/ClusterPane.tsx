// The cluster drawing with what belongs on top of it (UI layer): the facts line, a legend
// toggle, the safety alarm and the notice toast. Node clicks become store intents here.
import { useState } from 'react';
import { ClusterView } from '../cluster/ClusterView';
import { Legend } from '../cluster/Legend';
import { useFrame, useIntents, useLab, useT } from '../labContext';
import { ClusterFacts } from './ClusterFacts';
import { NoticeToast } from './NoticeToast';
import { SafetyAlarm } from './SafetyAlarm';

export function ClusterPane({ reducedMotion }: { reducedMotion: boolean }) {
  const t = useT();
  const frame = useFrame();
  const selection = useLab((s) => s.selection);
  const status = useLab((s) => s.status);
  const statusMessage = useLab((s) => s.statusMessage);
  const lab = useIntents();
  const [legend, setLegend] = useState(false);

  const onNodeAction = (id: number, action: 'crash' | 'restart' | 'timeout' | 'write') => {
    if (action === 'crash') void lab.crashNode(id);
    else if (action === 'restart') void lab.restartNode(id);
    else if (action === 'timeout') void lab.timeoutNode(id);
    else {
      const n = (frame?.requestCount ?? 0) + 1;
      void lab.writeKey(`k${n}`, String(n), id);
    }
  };

  return (
    <div className="rl-cluster-pane">
      <ClusterFacts />
      <div className="rl-cluster-box">
        {frame ? (
          <ClusterView
            frame={frame}
            reducedMotion={reducedMotion}
            t={t}
            selection={selection}
            onSelect={(sel) => {
              lab.selectItem(sel);
              if (sel) lab.showPanel('inspect');
            }}
            onNodeAction={onNodeAction}
            onPartition={(groups) => void lab.partitionNodes(groups)}
            onToggleLink={(a, b) => void lab.toggleLink(a, b)}
          />
        ) : (
          <p className="rl-starting" role="status">
            {status === 'error'
              ? t('app.status.error', { message: statusMessage ?? '' })
              : t('app.status.starting')}
          </p>
        )}
        <div className="rl-cluster-tools">
          <div className="rl-cluster-buttons">
            <button
              type="button"
              className="rl-button rl-button-small"
              aria-expanded={legend}
              aria-controls="rl-legend"
              onClick={() => setLegend(!legend)}
            >
              {t('app.legend.toggle')}
            </button>
            <button
              type="button"
              className="rl-button rl-button-small"
              onClick={() => void lab.healNetwork()}
              disabled={
                !frame || (frame.network.groups === null && frame.network.cuts.length === 0)
              }
            >
              {t('app.network.heal')}
            </button>
          </div>
        </div>
        {legend && (
          <div id="rl-legend" className="rl-legend-overlay">
            <Legend t={t} />
          </div>
        )}
        <SafetyAlarm />
        <NoticeToast />
      </div>
    </div>
  );
}
