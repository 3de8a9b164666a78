// The undo after acting in the past (UI layer): says where the new future began, how many later
// events left the screen and which branch keeps them, and switches back to that branch (the
// store keeps it running) or lets its cluster go; the branch stays in the History tab either way.
import { useIntents, useLab, useT } from '../labContext';

export function UndoNotice() {
  const t = useT();
  const offer = useLab((s) => s.undoable);
  const kept = useLab((s) => s.branches.find((b) => b.id === s.branchId)?.parent ?? null);
  const lab = useIntents();
  if (!offer) return null;
  return (
    <div className="rl-undo" role="status">
      <span>
        {t('time.undo.text', { from: offer.from, count: offer.discarded })}
        {kept !== null && ` ${t('history.undo.kept', { id: kept })}`}
      </span>
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
