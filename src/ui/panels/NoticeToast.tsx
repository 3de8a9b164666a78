// Messages from the store (UI layer): an action the simulator refused, a bad link, a note that
// old history was dropped. Each arrives as a key and parameters and is worded here, in the
// reader's language. Shown between the facts bar and the drawing, which gives it room. It
// slides in and fades out as Web Animations (framer-motion's mini animate); AnimatePresence
// keeps a toast on screen until its fade is done.
import { AnimatePresence, usePresence, useReducedMotion } from 'framer-motion';
import { useAnimate } from 'framer-motion/mini';
import { useEffect, useLayoutEffect, type ReactNode } from 'react';
import { useIntents, useLab, useT } from '../labContext';

const AWAY = 'translateY(-8px)';
const HERE = 'translateY(0px)';

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
      <AnimatePresence>
        {notice && (
          <Sliding key={notice.id} className={`rl-notice rl-notice-${notice.kind}`} still={still}>
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
          </Sliding>
        )}
      </AnimatePresence>
    </div>
  );
}

/** A box that slides in when it appears and fades out before AnimatePresence removes it. */
function Sliding(props: { className: string; still: boolean; children: ReactNode }) {
  const { className, still, children } = props;
  const [present, remove] = usePresence();
  const [scope, animate] = useAnimate<HTMLDivElement>();
  // Before the first paint, so a toast never shows a frame at full strength before sliding in.
  useLayoutEffect(() => {
    const box = scope.current;
    if (!present) {
      if (still || !box) remove();
      else
        void animate(box, { opacity: [1, 0], transform: [HERE, AWAY] }, { duration: 0.2 }).then(
          remove,
        );
    } else if (!still && box) {
      animate(box, { opacity: [0, 1], transform: [AWAY, HERE] }, { duration: 0.3 });
    }
  }, [present, still, remove, scope, animate]);
  return (
    <div ref={scope} className={className}>
      {children}
    </div>
  );
}
