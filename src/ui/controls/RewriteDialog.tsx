// The question before acting in the past (UI layer): the store holds the action and how many
// events it would discard (state `rewrite`); this modal dialog only asks. While it is mounted the
// store asks first; "don't ask again" is remembered by the store in local storage.
import { useEffect, useRef, useState } from 'react';
import { useIntents, useLab, useT } from '../labContext';

export function RewriteDialog() {
  const t = useT();
  const question = useLab((s) => s.rewrite);
  const lab = useIntents();
  const ref = useRef<HTMLDialogElement>(null);
  const [dontAsk, setDontAsk] = useState(false);

  useEffect(() => lab.askBeforeRewriting(), [lab]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (question && !dialog.open) {
      setDontAsk(false);
      dialog.showModal();
    } else if (!question && dialog.open) {
      dialog.close();
    }
  }, [question]);

  return (
    <dialog
      ref={ref}
      className="rl-rewrite"
      aria-labelledby="rl-rewrite-title"
      aria-describedby="rl-rewrite-body"
      // Esc: the browser closes the dialog; the question is then cancelled.
      onCancel={() => lab.cancelRewrite()}
    >
      {question && (
        <form method="dialog" onSubmit={(e) => e.preventDefault()}>
          <h2 id="rl-rewrite-title">{t('time.rewrite.title')}</h2>
          <p id="rl-rewrite-body">
            {t('time.rewrite.body', { count: question.discards })} {t('time.rewrite.undoHint')}
          </p>
          <label className="rl-rewrite-dont">
            <input
              type="checkbox"
              checked={dontAsk}
              onChange={(e) => setDontAsk(e.target.checked)}
            />
            {t('time.rewrite.dontAsk')}
          </label>
          <div className="rl-rewrite-buttons">
            <button
              type="button"
              className="rl-button rl-button-primary"
              onClick={() => void lab.confirmRewrite({ dontAskAgain: dontAsk })}
            >
              {t('time.rewrite.confirm')}
            </button>
            <button type="button" className="rl-button" onClick={() => lab.cancelRewrite()}>
              {t('time.rewrite.cancel')}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
