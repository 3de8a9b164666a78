// Messages from the store (UI layer): an action the simulator refused, a bad link, a note that
// old history was dropped. Shown over the cluster's corner so the layout never moves.
import { useEffect } from 'react';
import { useIntents, useLab, useT } from '../labContext';

export function NoticeToast() {
  const t = useT();
  const notice = useLab((s) => s.notice);
  const lab = useIntents();
  useEffect(() => {
    if (!notice || notice.kind === 'error') return;
    const timer = setTimeout(() => lab.dismissNotice(), 6000);
    return () => clearTimeout(timer);
  }, [notice, lab]);
  return (
    <div className="rl-notice-region" role="status" aria-live="polite">
      {notice && (
        <div className={`rl-notice rl-notice-${notice.kind}`}>
          <span>{notice.text}</span>
          <button
            type="button"
            className="rl-button rl-button-small"
            onClick={() => lab.dismissNotice()}
          >
            {t('app.notice.dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
