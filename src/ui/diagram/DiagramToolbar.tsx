// The space-time diagram's controls (UI layer): follow the present, zoom and pan in time, the
// window shown, how many routine messages a crowded window leaves out, the key, and the switch
// back to the log strip.
import type { ReactNode } from 'react';
import type { Translate } from '../i18n/types';

export function DiagramToolbar({
  t,
  follow,
  onFollow,
  onZoom,
  onPan,
  windowText,
  hidden,
  keyOpen,
  onKey,
  keyId,
  toggle,
}: {
  t: Translate;
  follow: boolean;
  onFollow: () => void;
  onZoom: (factor: number) => void;
  onPan: (direction: -1 | 1) => void;
  windowText: string;
  hidden: number;
  keyOpen: boolean;
  onKey: () => void;
  keyId: string;
  toggle: ReactNode;
}) {
  return (
    <div className="rl-st-bar" role="toolbar" aria-label={t('diagram.toolbar')}>
      <button
        type="button"
        className="rl-button rl-button-small rl-st-follow"
        aria-pressed={follow}
        title={t('diagram.followTitle')}
        onClick={onFollow}
      >
        {t('diagram.follow')}
      </button>
      <span className="rl-st-buttons">
        <button
          type="button"
          className="rl-button rl-button-small rl-st-icon"
          aria-label={t('diagram.zoomOut')}
          title={t('diagram.zoomOut')}
          onClick={() => onZoom(1 / 1.5)}
        >
          −
        </button>
        <button
          type="button"
          className="rl-button rl-button-small rl-st-icon"
          aria-label={t('diagram.zoomIn')}
          title={t('diagram.zoomIn')}
          onClick={() => onZoom(1.5)}
        >
          +
        </button>
        <button
          type="button"
          className="rl-button rl-button-small rl-st-icon"
          aria-label={t('diagram.earlier')}
          title={t('diagram.earlier')}
          onClick={() => onPan(-1)}
        >
          ←
        </button>
        <button
          type="button"
          className="rl-button rl-button-small rl-st-icon"
          aria-label={t('diagram.later')}
          title={t('diagram.later')}
          onClick={() => onPan(1)}
        >
          →
        </button>
      </span>
      <span className="rl-st-window" aria-live="off">
        {windowText}
      </span>
      {hidden > 0 && (
        <span className="rl-st-thinned">{t('diagram.thinned', { count: hidden })}</span>
      )}
      <span className="rl-st-spacer" />
      <button
        type="button"
        className="rl-button rl-button-small"
        aria-expanded={keyOpen}
        aria-controls={keyId}
        onClick={onKey}
      >
        {t('diagram.keyButton')}
      </button>
      {toggle}
    </div>
  );
}
