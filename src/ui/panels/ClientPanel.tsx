// The client (UI layer): submits `set key value` or `delete key` to the leader or a chosen
// node, asks for membership changes (MembershipForm), and lists each request's life so "does the
// leader reply before committing?" answers itself.
import { useState, type FormEvent } from 'react';
import { useFrame, useIntents, useT } from '../labContext';
import { MembershipForm } from './MembershipForm';
import { RequestLife } from './RequestLife';

export function ClientPanel() {
  const t = useT();
  const frame = useFrame();
  const lab = useIntents();
  const [op, setOp] = useState<'set' | 'delete'>('set');
  const [key, setKey] = useState('x');
  const [value, setValue] = useState('1');
  const [via, setVia] = useState('leader');
  if (!frame) return null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const target = via === 'leader' ? undefined : Number(via);
    if (op === 'set') void lab.writeKey(key, value, target);
    else void lab.deleteKey(key, target);
    if (op === 'set' && /^\d+$/.test(value)) setValue(String(Number(value) + 1));
  };
  const requests = [...frame.requests].reverse();

  return (
    <section className="rl-client" aria-label={t('app.client.title')}>
      <form className="rl-client-form" onSubmit={submit}>
        <label>
          {t('app.client.operation')}
          <select value={op} onChange={(e) => setOp(e.target.value as 'set' | 'delete')}>
            <option value="set">set</option>
            <option value="delete">delete</option>
          </select>
        </label>
        <label>
          {t('app.client.key')}
          <input value={key} maxLength={64} required onChange={(e) => setKey(e.target.value)} />
        </label>
        <label>
          {t('app.client.value')}
          <input
            value={value}
            maxLength={64}
            required={op === 'set'}
            disabled={op === 'delete'}
            onChange={(e) => setValue(e.target.value)}
          />
        </label>
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
      <p className="rl-hint">{t('app.client.answer')}</p>
      <MembershipForm frame={frame} />
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
    </section>
  );
}
