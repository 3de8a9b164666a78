// Cluster settings (UI layer): size, timers, latency, entries per AppendEntries, loss, PreVote,
// CheckQuorum, seed, how often servers snapshot (thesis §5) and when clients resend (§6.3),
// then the Figure 2 rules one may break on purpose (RuleSwitches). Applying restarts the
// cluster and writes the URL, so a reload or a shared link gives the same cluster.
import { useState, type FormEvent } from 'react';
import type { Settings } from '../../store';
import { selectFrame } from '../../store';
import { useIntents, useLab, useT } from '../labContext';
import { RuleSwitches } from './RuleSwitches';

export function SettingsPanel() {
  const t = useT();
  const settings = useLab((s) => s.settings);
  // Remount the form when the applied settings change, so it always starts from them. The rules
  // have their own form, so neither restart throws away what is still being edited in the other.
  return (
    <section className="rl-settings" aria-label={t('app.settings.title')}>
      <SettingsForm key={JSON.stringify(withoutRules(settings))} settings={settings} />
      <RuleSwitches />
    </section>
  );
}

function withoutRules(s: Settings): Omit<Settings, 'rules'> {
  const { rules: _rules, ...rest } = s;
  return rest;
}

function SettingsForm({ settings }: { settings: Settings }) {
  const t = useT();
  const lab = useIntents();
  const liveLoss = useLab((s) => Math.round((selectFrame(s)?.network.dropRate ?? 0) * 100));
  const [draft, setDraft] = useState(settings);
  const inLesson = useLab((s) => s.lesson !== null);
  const [loss, setLoss] = useState(String(liveLoss));
  const num = (text: string) => (text.trim() === '' ? NaN : Number(text));
  const patch = (p: Partial<Settings>) => setDraft({ ...draft, ...p });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // Everything but the rules, which RuleSwitches applies (this draft's copy may be stale).
    void lab.applySettings(withoutRules(draft));
  };
  const field = (label: string, value: number, set: (v: number) => void, min = 0, max?: number) => (
    <label className="rl-setting">
      <span>{label}</span>
      <input
        type="number"
        min={min}
        max={max}
        value={Number.isNaN(value) ? '' : value}
        onChange={(e) => set(num(e.target.value))}
      />
    </label>
  );
  const [etMin, etMax] = draft.electionTimeoutMs;
  const [latMin, latMax] = draft.latencyMs;
  return (
    <>
      <form onSubmit={submit} className="rl-settings-form">
        {field(t('app.settings.nodes'), draft.nodes, (nodes) => patch({ nodes }), 1, 9)}
        {field(t('app.settings.seed'), draft.seed, (seed) => patch({ seed }), -2147483648)}
        {field(t('app.settings.etMin'), etMin, (v) => patch({ electionTimeoutMs: [v, etMax] }), 1)}
        {field(t('app.settings.etMax'), etMax, (v) => patch({ electionTimeoutMs: [etMin, v] }), 1)}
        {field(
          t('app.settings.heartbeat'),
          draft.heartbeatMs,
          (heartbeatMs) => patch({ heartbeatMs }),
          1,
        )}
        {field(
          t('app.settings.batch'),
          draft.maxEntriesPerAppend,
          (maxEntriesPerAppend) => patch({ maxEntriesPerAppend }),
          1,
          100_000,
        )}
        {field(t('app.settings.latMin'), latMin, (v) => patch({ latencyMs: [v, latMax] }))}
        {field(t('app.settings.latMax'), latMax, (v) => patch({ latencyMs: [latMin, v] }))}
        {field(
          t('app.settings.loss'),
          draft.lossPercent,
          (lossPercent) => patch({ lossPercent }),
          0,
          100,
        )}
        {field(
          t('app.settings.snapshotEvery'),
          draft.snapshotEvery,
          (snapshotEvery) => patch({ snapshotEvery }),
          0,
          1_000_000,
        )}
        {field(
          t('app.settings.clientRetry'),
          draft.clientRetryMs,
          (clientRetryMs) => patch({ clientRetryMs }),
          0,
        )}
        <label className="rl-check">
          <input
            type="checkbox"
            checked={draft.preVote}
            onChange={(e) => patch({ preVote: e.target.checked })}
          />
          {t('app.settings.preVote')}
        </label>
        <label className="rl-check">
          <input
            type="checkbox"
            checked={draft.checkQuorum}
            onChange={(e) => patch({ checkQuorum: e.target.checked })}
          />
          {t('app.settings.checkQuorum')}
        </label>
        <div className="rl-settings-buttons">
          <button type="submit" className="rl-button rl-button-primary">
            {t('app.settings.apply')}
          </button>
          <button type="button" className="rl-button" onClick={() => void lab.newSeed()}>
            {t('app.settings.newSeed')}
          </button>
        </div>
        <p className="rl-hint">{t('app.settings.urlHint')}</p>
        {inLesson && <p className="rl-hint">{t('app.settings.leavesLesson')}</p>}
      </form>
      <form
        className="rl-settings-live"
        onSubmit={(e) => {
          e.preventDefault();
          void lab.setLossPercent(num(loss));
        }}
      >
        <label className="rl-setting">
          <span>{t('app.settings.lossNow')}</span>
          <input
            type="number"
            min={0}
            max={100}
            value={loss}
            onChange={(e) => setLoss(e.target.value)}
          />
        </label>
        <button type="submit" className="rl-button">
          {t('app.settings.setLoss')}
        </button>
      </form>
    </>
  );
}
