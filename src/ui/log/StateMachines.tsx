// Each node's key-value state machine and its lastApplied; a crashed node's map is gone until
// it restarts and replays its log, and the panel says so. A server with a snapshot (thesis §5)
// names it: a restart loads it, so lastApplied starts there.
import { memo } from 'react';
import type { Frame, NodeFrame } from '../../store/frame';
import type { Translate } from '../i18n/types';

export function StateMachines({ frame, t }: { frame: Frame; t: Translate }) {
  return (
    <section className="rl-machines" aria-label={t('visual.sm.title')}>
      <h3>{t('visual.sm.title')}</h3>
      <ul className="rl-machine-list">
        {frame.nodes.map((node) => (
          <Machine key={node.id} node={node} t={t} />
        ))}
      </ul>
    </section>
  );
}

/** One node's map; memoized, so it redraws only when that node changes. */
const Machine = memo(function Machine({ node, t }: { node: NodeFrame; t: Translate }) {
  const keys = Object.keys(node.kv).sort();
  return (
    <li key={node.id} className={node.alive ? 'rl-machine' : 'rl-machine rl-machine-crashed'}>
      <div className="rl-machine-head">
        <strong>S{node.id}</strong>{' '}
        <span>
          {node.alive
            ? t('visual.sm.lastApplied', { index: node.lastApplied })
            : t('visual.sm.crashed')}
        </span>
        {node.snapshot && (
          <span className="rl-machine-snap">
            {t('snap.strip.upTo', { index: node.snapshot.lastIncludedIndex })}
          </span>
        )}
      </div>
      {node.alive && keys.length === 0 && (
        <div className="rl-machine-empty">{t('visual.sm.empty')}</div>
      )}
      {node.alive && keys.length > 0 && (
        <table className="rl-kv">
          <thead>
            <tr>
              <th scope="col">{t('visual.sm.key')}</th>
              <th scope="col">{t('visual.sm.value')}</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <tr key={k}>
                <td>{k}</td>
                <td>{node.kv[k]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </li>
  );
});
