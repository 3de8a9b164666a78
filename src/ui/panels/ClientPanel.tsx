// The client (UI layer): submits `set key value`, `delete key`, `append key value` (thesis §6.3:
// a write applied twice would show) or a read in one of three modes (§6.4: ReadIndex, lease, or
// local — unsafe, nothing checked) to the leader or a chosen server, asks for membership changes
// (MembershipForm, below), and lists each request's life so "does the leader reply before
// committing?" and "was that read stale?" answer themselves.
import { useState, type FormEvent } from 'react';
import type { ReadMode } from '../../raft';
import { useFrame, useIntents, useLab, useT } from '../labContext';
import { MembershipForm } from './MembershipForm';
import { RequestLife } from './RequestLife';

type Operation = 'set' | 'delete' | 'append' | 'read';
const OPERATIONS: readonly Operation[] = ['set', 'delete', 'append', 'read'];
const MODES: readonly ReadMode[] = ['readIndex', 'lease', 'local'];

export function ClientPanel() {
  const t = useT();
  const frame = useFrame();
  const lab = useIntents();
  const retryMs = useLab((s) => s.settings.clientRetryMs);
  const [op, setOp] = useState<Operation>('set');
  const [key, setKey] = useState('x');
  const [value, setValue] = useState('1');
  const [mode, setMode] = useState<ReadMode>('readIndex');
  const [via, setVia] = useState('leader');
  if (!frame) return null;

  const takesValue = op === 'set' || op === 'append';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const target = via === 'leader' ? undefined : Number(via);
    if (op === 'set') void lab.writeKey(key, value, target);
    else if (op === 'append') void lab.appendValue(key, value, target);
    else if (op === 'delete') void lab.deleteKey(key, target);
    else void lab.readKey(key, { mode, ...(target === undefined ? {} : { via: target }) });
    if (takesValue && /^\d+$/.test(value)) setValue(String(Number(value) + 1));
  };
  const requests = [...frame.requests].reverse();

  return (
    <section className="rl-client" aria-label={t('app.client.title')}>
      <form className="rl-client-form" onSubmit={submit}>
        <label>
          {t('app.client.operation')}
          <select value={op} onChange={(e) => setOp(e.target.value as Operation)}>
            {OPERATIONS.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('app.client.key')}
          <input value={key} maxLength={64} required onChange={(e) => setKey(e.target.value)} />
        </label>
        {op === 'read' ? (
          <label className="rl-client-mode">
            {t('read.client.mode')}
            <select value={mode} onChange={(e) => setMode(e.target.value as ReadMode)}>
              {MODES.map((m) => (
                <option key={m} value={m}>
                  {t(`read.client.modeOption.${m}`)}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <label>
            {t('app.client.value')}
            <input
              value={value}
              maxLength={64}
              required={takesValue}
              disabled={!takesValue}
              onChange={(e) => setValue(e.target.value)}
            />
          </label>
        )}
        <label>
          {t('app.client.via')}
          <select value={via} onChange={(e) => setVia(e.target.value)}>
            <option value="leader">{t('app.client.viaLeader')}</option>
            {frame.nodes.map((n) => (
              <option key={n.id} value={n.id}>
                S{n.id}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rl-button rl-button-primary">
          {t('app.client.send')}
        </button>
      </form>
      <p className={op === 'read' && mode === 'local' ? 'rl-hint rl-hint-unsafe' : 'rl-hint'}>
        {t(op === 'read' ? 'read.client.hint' : 'app.client.answer')}
      </p>
      <p className="rl-hint">
        {retryMs > 0 ? t('read.client.retryOn', { ms: retryMs }) : t('read.client.retryOff')}
      </p>
      {requests.length === 0 ? (
        <p className="rl-empty">{t('app.client.none')}</p>
      ) : (
        <ol className="rl-requests" aria-label={t('app.client.requests')}>
          {requests.map((r) => (
            <RequestLife
              key={r.id}
              request={r}
              nodes={frame.facts.size}
              majority={frame.facts.majority}
              allVote={frame.nodes.length === frame.facts.size && !frame.facts.joint}
              t={t}
            />
          ))}
        </ol>
      )}
      {/* Below the requests: what the form just sent stays in view on a short screen. */}
      <MembershipForm frame={frame} />
    </section>
  );
}
