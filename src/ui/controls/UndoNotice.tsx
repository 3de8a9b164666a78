// The one undo after acting in the past (UI layer): says where the new future began and how many
// events were discarded, and puts them back (the store keeps them whole) or lets them go.
import { useIntents, useLab, useT } from '../labContext';

export function UndoNotice() {
  const t = useT();
  const offer = useLab((s) => s.undoable);
  const lab = useIntents();
  if (!offer) return null;
  return (
    <div className="rl-undo" role="status">
      <span>{t('time.undo.text', { from: offer.from, count: offer.discarded })}</span>
      <button
        type="button"
        className="rl-button rl-button-small"
        onClick={() => void lab.undoRewrite()}
      >
        {t('time.undo.button')}
      </button>
      <button type="button" className="rl-button rl-button-small" onClick={() => lab.dismissUndo()}>
        {t('time.undo.dismiss')}
      </button>
    </div>
  );
}
