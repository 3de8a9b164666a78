// The actions a class needs, one click each (UI layer): crash the leader, restart what is down,
// write a value, add a server (while there is room for one), heal the network, and the legend.
// Shown above the drawing in every mode, so presentation mode keeps them at hand without the
// side panel.
import type { Frame } from '../../store';
import { MAX_NODES } from '../../store';
import { useIntents, useT } from '../labContext';

/** The next one-click write, k3=3 after two requests: numbered so each stays tellable apart. */
export function nextWrite(frame: Frame | null): { key: string; value: string } {
  const n = (frame?.requestCount ?? 0) + 1;
  return { key: `k${n}`, value: String(n) };
}

export function ClassroomTools({
  frame,
  legendOpen,
  onLegend,
}: {
  frame: Frame | null;
  legendOpen: boolean;
  onLegend(): void;
}) {
  const t = useT();
  const lab = useIntents();
  const leader = frame ? (frame.facts.leader ?? frame.facts.claimant) : null;
  const crashed = frame ? frame.nodes.filter((n) => !n.alive).map((n) => n.id) : [];
  const write = nextWrite(frame);
  const restartAll = async (ids: readonly number[]) => {
    for (const id of ids) await lab.restartNode(id);
  };
  const healable = !!frame && (frame.network.groups !== null || frame.network.cuts.length > 0);
  const servers = frame?.nodes.length ?? 0;
  const full = servers >= MAX_NODES;
  const restartLabel =
    crashed.length === 0
      ? t('shell.restartNone')
      : crashed.length === 1
        ? t('shell.restartOne', { id: crashed[0]! })
        : t('shell.restartMany', { count: crashed.length });
  return (
    <div className="rl-tools" role="toolbar" aria-label={t('shell.tools')}>
      <button
        type="button"
        className="rl-button rl-button-small"
        disabled={leader === null}
        onClick={() => leader !== null && void lab.crashNode(leader)}
      >
        {leader === null ? t('shell.crashLeaderNone') : t('shell.crashLeader', { id: leader })}
      </button>
      <button
        type="button"
        className="rl-button rl-button-small"
        disabled={crashed.length === 0}
        onClick={() => void restartAll(crashed)}
      >
        {restartLabel}
      </button>
      <button
        type="button"
        className="rl-button rl-button-small"
        disabled={!frame}
        onClick={() => void lab.writeKey(write.key, write.value)}
      >
        {t('shell.write', write)}
      </button>
      {/* A full cluster has nothing to add: the button goes, so the row stays short (the
          membership form in the client panel says why). */}
      {!full && (
        <button
          type="button"
          className="rl-button rl-button-small"
          disabled={!frame}
          title={t('member.tools.addTitle', { id: servers + 1 })}
          onClick={() => void lab.addServer()}
        >
          {t('member.tools.add')}
        </button>
      )}
      <button
        type="button"
        className="rl-button rl-button-small"
        title={t('shell.healTitle')}
        disabled={!healable}
        onClick={() => void lab.healNetwork()}
      >
        {t('app.network.heal')}
      </button>
      <button
        type="button"
        className="rl-button rl-button-small"
        aria-expanded={legendOpen}
        aria-controls="rl-legend"
        onClick={onLegend}
      >
        {t('app.legend.toggle')}
      </button>
    </div>
  );
}
