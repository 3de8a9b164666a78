// The small action menu that opens on a node: crash or restart, fire its election timer now,
// write through it. Keyboard: arrows move, Escape closes (focus returns to the node).
import { useEffect, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import type { NodeFrame } from '../../store/frame';
import type { Translate } from '../i18n/types';

export type NodeAction = 'crash' | 'restart' | 'timeout' | 'write';

interface Props {
  node: NodeFrame;
  /** Where the menu's top centre (below) or bottom centre (above) goes, in the drawing's px. */
  left: number;
  top: number;
  /** Open below the point (for a node in the upper half) or above it. */
  below: boolean;
  t: Translate;
  onAction(action: NodeAction): void;
  onClose(): void;
}

export function NodeMenu({ node, left, top, below, t, onAction, onClose }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, [node.id]);
  const actions: NodeAction[] = node.alive ? ['crash', 'timeout', 'write'] : ['restart'];
  const onKeyDown = (e: KeyboardEvent) => {
    const buttons = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      buttons[(i + step + buttons.length) % buttons.length]?.focus();
    } else if (e.key === 'Tab') {
      onClose();
    }
  };
  return (
    <div
      ref={ref}
      className="rl-node-menu"
      role="menu"
      aria-label={t('visual.menu.title', { name: `S${node.id}` })}
      style={{
        left: `${left}px`,
        top: `${top}px`,
        transform: `translate(-50%, ${below ? '0' : '-100%'})`,
      }}
      onKeyDown={onKeyDown}
    >
      <div className="rl-node-menu-title">{t('visual.menu.title', { name: `S${node.id}` })}</div>
      {actions.map((a) => (
        <button
          key={a}
          type="button"
          role="menuitem"
          className={`rl-menu-${a}`}
          onClick={() => onAction(a)}
        >
          {t(`visual.menu.${a}`)}
        </button>
      ))}
    </div>
  );
}
