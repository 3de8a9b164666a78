// The small action menu that opens on a node: crash or restart, fire its election timer now,
// write through it. Keyboard: arrows move, Escape closes (focus returns to the node).
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { NodeFrame } from '../../store/frame';
import type { Translate } from '../i18n/types';

export type NodeAction = 'crash' | 'restart' | 'timeout' | 'write';

interface Props {
  node: NodeFrame;
  /** The node's centre and the distance to keep from it, in the drawing's px. */
  x: number;
  y: number;
  clear: number;
  /** The drawing's size: the menu opens on the node's roomier side and stays inside. */
  width: number;
  height: number;
  t: Translate;
  onAction(action: NodeAction): void;
  onClose(): void;
}

export function NodeMenu(props: Props) {
  const { node, x, y, clear, width, height, t, onAction, onClose } = props;
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ w: 0, h: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (el) setSize({ w: el.offsetWidth, h: el.offsetHeight });
  }, [node.id, node.alive]);
  // Beside the node on its roomier side, vertically centred on it, kept inside the drawing.
  const right = x < width / 2;
  const left = right ? Math.min(x + clear, width - size.w - 4) : Math.max(4, x - clear - size.w);
  const top = Math.max(4, Math.min(y - size.h / 2, height - size.h - 4));
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
        left: `${Math.max(4, left)}px`,
        top: `${top}px`,
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
