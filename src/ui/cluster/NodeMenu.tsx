// The small action menu that opens on a node: crash or restart, fire its election timer now,
// write through it, take a snapshot now (thesis §5), hand it leadership, remove it from the
// cluster. Keyboard: arrows move, Escape closes (focus returns to the node).
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { NodeFrame } from '../../store/frame';
import type { Translate } from '../i18n/types';

export type NodeAction =
  'crash' | 'restart' | 'timeout' | 'write' | 'compact' | 'transfer' | 'remove';

/**
 * What the menu offers a server, read off the frame: a timer only for a server whose own
 * configuration gives it a vote (no other stands for election), a snapshot only for a running
 * server, leadership only for a running voter while another server leads, removal only for a
 * member of the configuration in use.
 */
export function nodeActions(node: NodeFrame, leader: number | null): NodeAction[] {
  const out: NodeAction[] = node.alive ? ['crash'] : ['restart'];
  if (node.alive && node.canStand) out.push('timeout');
  if (node.alive) out.push('write', 'compact');
  if (node.alive && node.member === 'voter' && leader !== null && leader !== node.id)
    out.push('transfer');
  if (node.member !== 'outside') out.push('remove');
  return out;
}

const MENU_WORDS: Record<NodeAction, string> = {
  crash: 'visual.menu.crash',
  restart: 'visual.menu.restart',
  timeout: 'visual.menu.timeout',
  write: 'visual.menu.write',
  compact: 'snap.menu.compact',
  transfer: 'member.menu.transfer',
  remove: 'member.menu.remove',
};

interface Props {
  node: NodeFrame;
  /** The node's centre and the distance to keep from it, in the drawing's px. */
  x: number;
  y: number;
  clear: number;
  /** The drawing's size: the menu opens on the node's roomier side and stays inside. */
  width: number;
  height: number;
  /** The leader the cluster follows, if any: leadership can be handed to another voter. */
  leader: number | null;
  t: Translate;
  onAction(action: NodeAction): void;
  onClose(): void;
}

export function NodeMenu(props: Props) {
  const { node, x, y, clear, width, height, t, onAction, onClose } = props;
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ w: 0, h: 0 });
  const actions = nodeActions(node, props.leader);
  const shown = actions.join();
  useLayoutEffect(() => {
    const el = ref.current;
    if (el) setSize({ w: el.offsetWidth, h: el.offsetHeight });
  }, [node.id, shown]);
  // Beside the node on its roomier side, vertically centred on it, kept inside the drawing.
  const right = x < width / 2;
  const left = right ? Math.min(x + clear, width - size.w - 4) : Math.max(4, x - clear - size.w);
  const top = Math.max(4, Math.min(y - size.h / 2, height - size.h - 4));
  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, [node.id]);
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
          {t(MENU_WORDS[a])}
        </button>
      ))}
    </div>
  );
}
