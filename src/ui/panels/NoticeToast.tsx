// Messages from the store (UI layer): an action the simulator refused, a bad link, a note that
// old history was dropped. Each arrives as a key and parameters and is worded here, in the
// reader's language. It floats just below the drawing, over the log strip, so the drawing keeps
// its height. It slides in and fades out as Web Animations (framer-motion's mini animate); a
// notice that is dismissed or replaced stays on screen until its fade is done, then the next one
// slides in.
import { useReducedMotion } from 'framer-motion';
import { useAnimate } from 'framer-motion/mini';
import { useEffect, useLayoutEffect, useState } from 'react';
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
  // The notice on screen: the store's, or the one before it while that one fades out.
  const [shown, setShown] = useState(notice);
  const [scope, animate] = useAnimate<HTMLDivElement>();
  // Layout effects, so a toast never shows a frame at full strength before it slides in.
  useLayoutEffect(() => {
    if (shown === notice) return;
    const box = scope.current;
    if (shown === null || still || !box) return setShown(notice);
    let live = true;
    const fade = animate(box, { opacity: [1, 0], transform: [HERE, AWAY] }, { duration: 0.2 });
    void fade.then(() => live && setShown(notice));
    return () => {
      live = false;
      fade.cancel();
    };
  }, [notice, shown, still, scope, animate]);
  useLayoutEffect(() => {
    const box = scope.current;
    if (shown === null || still || !box) return;
    const slide = animate(box, { opacity: [0, 1], transform: [AWAY, HERE] }, { duration: 0.3 });
    return () => slide.cancel();
  }, [shown, still, scope, animate]);
  return (
    <div className="rl-notice-region" role="status" aria-live="polite">
      {shown && (
        <div ref={scope} key={shown.id} className={`rl-notice rl-notice-${shown.kind}`}>
          <span>
            {t(shown.key, shown.params)}
            {shown.details && (
              <ul className="rl-notice-details">
                {shown.details.map((d, i) => (
                  <li key={i}>{t(d.key, d.params)}</li>
                ))}
              </ul>
            )}
          </span>
          <button
            type="button"
            className="rl-button rl-button-small"
            // A notice fading out is no longer the store's: its button must not dismiss the next.
            onClick={() => shown === notice && lab.dismissNotice()}
          >
            {t('app.notice.dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
