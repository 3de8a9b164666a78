// The cluster drawing with what belongs around it (UI layer): the facts line and the classroom
// actions above it, then the safety alarm as a row of its own (it never covers a node), then the
// drawing, which takes the rest; notices float just below the drawing. Node clicks become store
// intents here.
import { useState } from 'react';
import { ClusterView } from '../cluster/ClusterView';
import { Legend } from '../cluster/Legend';
import type { NodeAction } from '../cluster/NodeMenu';
import { useFrame, useIntents, useLab, useT } from '../labContext';
import { ClassroomTools, nextWrite } from './ClassroomTools';
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

  const onNodeAction = (id: number, action: NodeAction) => {
    if (action === 'crash') void lab.crashNode(id);
    else if (action === 'restart') void lab.restartNode(id);
    else if (action === 'timeout') void lab.timeoutNode(id);
    else if (action === 'transfer') void lab.transferLeadership(id);
    else if (action === 'remove') void lab.removeServer(id);
    else if (action === 'compact') void lab.compactNode(id);
    else {
      const { key, value } = nextWrite(frame);
      void lab.writeKey(key, value, id);
    }
  };

  return (
    <div className="rl-cluster-pane">
      <div className="rl-pane-bar">
        <ClusterFacts />
        <ClassroomTools frame={frame} legendOpen={legend} onLegend={() => setLegend(!legend)} />
      </div>
      <SafetyAlarm />
      <NoticeToast />
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
        {legend && (
          <div id="rl-legend" className="rl-legend-overlay">
            <Legend t={t} />
          </div>
        )}
      </div>
    </div>
  );
}
