// The log strip's own key (UI layer), one line above the rows: what a solid and a hatched cell
// mean, the commit bar, the n and m markers, the refusal mark and a snapshot's block (§5). Each
// item's hover text says it in a sentence; the swatches use the same classes as the cells they
// explain.
import type { Translate } from '../i18n/types';

export function LogKey({ t }: { t: Translate }) {
  return (
    <ul className="rl-log-key" aria-label={t('log.key.label')}>
      <li>
        <span className="rl-log-swatch rl-log-swatch-committed" aria-hidden="true">
          3
        </span>
        {t('log.key.committed')}
      </li>
      <li>
        <span className="rl-log-swatch rl-log-swatch-open" aria-hidden="true">
          3
        </span>
        {t('log.key.uncommitted')}
      </li>
      <li className="rl-log-key-muted">{t('log.key.term')}</li>
      <li title={t('log.key.commitHint')}>
        <span className="rl-log-swatch rl-log-swatch-commit" aria-hidden="true" />
        {t('log.key.commit')}
      </li>
      <li title={t('log.key.nextHint')}>
        <span className="rl-log-marks" aria-hidden="true">
          n
        </span>
        {t('log.key.next')}
      </li>
      <li title={t('log.key.matchHint')}>
        <span className="rl-log-marks" aria-hidden="true">
          m
        </span>
        {t('log.key.match')}
      </li>
      <li title={t('log.key.rejectedHint')}>
        <span className="rl-log-refused-mark" aria-hidden="true">
          ✗
        </span>
        {t('log.key.rejected')}
      </li>
      <li title={t('snap.key.snapshotHint')}>
        <span className="rl-log-swatch rl-log-swatch-snapshot" aria-hidden="true">
          ≤
        </span>
        {t('snap.key.snapshot')}
      </li>
    </ul>
  );
}
