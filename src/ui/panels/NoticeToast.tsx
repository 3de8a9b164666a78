// Messages from the store (UI layer): an action the simulator refused, a bad link, a note that
// old history was dropped. Each arrives as a key and parameters and is worded here, in the
// reader's language. Shown over the cluster's corner so the layout never moves.
import { AnimatePresence, domAnimation, LazyMotion, m, useReducedMotion } from 'framer-motion';
import { useEffect } from 'react';
import { useIntents, useLab, useT } from '../labContext';

export function NoticeToast() {
  const t = useT();
  const notice = useLab((s) => s.notice);
  const lab = useIntents();
  const still = useReducedMotion() ?? false;
  useEffect(() => {
    if (!notice || notice.kind === 'error') return;
    const timer = setTimeout(() => lab.dismissNotice(), 6000);
    return () => clearTimeout(timer);
  }, [notice, lab]);
  return (
    <div className="rl-notice-region" role="status" aria-live="polite">
      <LazyMotion features={domAnimation}>
        <AnimatePresence>
          {notice && (
            <m.div
              key={notice.id}
              className={`rl-notice rl-notice-${notice.kind}`}
              initial={still ? false : { opacity: 0, y: -8 }}
              animate={{ opacity: 1, y: 0 }}
              exit={still ? { opacity: 0, transition: { duration: 0 } } : { opacity: 0, y: -8 }}
            >
              <span>
                {t(notice.key, notice.params)}
                {notice.details && (
                  <ul className="rl-notice-details">
                    {notice.details.map((d, i) => (
                      <li key={i}>{t(d.key, d.params)}</li>
                    ))}
                  </ul>
                )}
              </span>
              <button
                type="button"
                className="rl-button rl-button-small"
                onClick={() => lab.dismissNotice()}
              >
                {t('app.notice.dismiss')}
              </button>
            </m.div>
          )}
        </AnimatePresence>
      </LazyMotion>
    </div>
  );
}
