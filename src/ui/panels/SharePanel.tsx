// What the Share menu holds (UI layer): the run's link in a read-only field with Copy link (or,
// for a run too long for a link, a word to export it), the run's digest, Export run and Import
// run. The store builds the link and the file and refuses a bad one; this only moves text.
import { useState } from 'react';
import type { Notice, NoticeLine } from '../../store';
import { MAX_RUN_FILE_CHARS, MAX_RUN_QUERY_CHARS } from '../../store/runParams';
import { useIntents, useLab, useLabStore, useT } from '../labContext';
import { RUN_FILE_NAME, addressWith, downloadText } from './shareFiles';

/**
 * What a notice says is wrong, to show beside the import that caused it: its details (its
 * first line only repeats that nothing was imported), or its one line when it has none.
 */
const noticeLines = (notice: Notice | null): readonly NoticeLine[] =>
  !notice ? [] : notice.details?.length ? notice.details : [notice];

type Status =
  | { readonly key: 'share.copied' | 'share.copyFailed' | 'share.imported' | 'share.importing' }
  | { readonly key: 'share.importFailed'; readonly why: readonly NoticeLine[] };

export function SharePanel() {
  const t = useT();
  const lab = useIntents();
  const store = useLabStore();
  const digest = useLab((s) => s.traceHash);
  const running = useLab((s) => s.status === 'running');
  // Read when the menu opens and again after an import: the link is one moment of the run, not
  // a moving target; the digest shown beside it is the one it carries.
  const [shared, setShared] = useState(() => ({ query: lab.runLink(), digest }));
  const [status, setStatus] = useState<Status | null>(null);
  const link = shared.query === null ? null : addressWith(shared.query);

  const copy = async () => {
    if (link === null) return;
    try {
      await navigator.clipboard.writeText(link);
      setStatus({ key: 'share.copied' });
    } catch {
      setStatus({ key: 'share.copyFailed' });
    }
  };
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    const before = store.getState().noticeCount;
    // A long run takes a while to rebuild (every event is computed again): say so meanwhile.
    setStatus({ key: 'share.importing' });
    // One character past the limit is enough for the store to refuse the file by its size.
    let text: string;
    try {
      text = await file.slice(0, MAX_RUN_FILE_CHARS + 1).text();
    } catch {
      setStatus({ key: 'share.importFailed', why: [] });
      return;
    }
    const done = await lab.importRun(text);
    const after = store.getState();
    if (done) setShared({ query: lab.runLink(), digest: after.traceHash });
    const why = after.noticeCount > before ? noticeLines(after.notice) : [];
    setStatus(done ? { key: 'share.imported' } : { key: 'share.importFailed', why });
  };

  return (
    <div className="rl-share-body">
      <p className="rl-share-hint">{t('share.hint')}</p>
      {link !== null ? (
        <div className="rl-share-link">
          <input
            type="text"
            readOnly
            value={link}
            aria-label={t('share.linkLabel')}
            onFocus={(e) => e.currentTarget.select()}
          />
          <button type="button" className="rl-button rl-button-primary" onClick={() => void copy()}>
            {t('share.copyLink')}
          </button>
        </div>
      ) : (
        <p className="rl-share-warning">
          {running ? t('share.tooLong', { max: MAX_RUN_QUERY_CHARS }) : t('share.notReady')}
        </p>
      )}
      <p className="rl-share-digest" title={t('share.digestTitle')}>
        {t('share.digest', { digest: (link === null ? digest : shared.digest) || '—' })}
      </p>
      <div className="rl-share-files">
        <button
          type="button"
          className={link === null && running ? 'rl-button rl-button-primary' : 'rl-button'}
          title={t('share.exportTitle')}
          disabled={!running}
          onClick={() => downloadText(lab.exportRun(), RUN_FILE_NAME)}
        >
          {t('share.export')}
        </button>
        <label className="rl-button rl-share-import" title={t('share.importTitle')}>
          {t('share.import')}
          <input
            type="file"
            accept=".json,application/json"
            onChange={(e) => {
              void importFile(e.currentTarget.files?.[0]);
              e.currentTarget.value = '';
            }}
          />
        </label>
      </div>
      {status && (
        <div
          className={`rl-share-status${status.key === 'share.importFailed' || status.key === 'share.copyFailed' ? ' rl-share-status-error' : ''}`}
          role={status.key === 'share.importFailed' ? 'alert' : 'status'}
        >
          <p>{t(status.key)}</p>
          {'why' in status && status.why.length > 0 && (
            <ul>
              {status.why.map((line, i) => (
                <li key={i}>{t(line.key, line.params)}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
