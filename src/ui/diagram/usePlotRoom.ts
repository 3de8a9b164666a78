// The room the diagram's plot has (UI layer): its box's inner width and height in px, and 1em of
// its lane labels, followed as the window, the panel or the text size changes.
import { useEffect, useState } from 'react';
import type { RefObject } from 'react';
import type { Room } from './useDiagramView';

export function usePlotRoom(
  ref: RefObject<HTMLElement | null>,
  emRef: RefObject<HTMLElement | null>,
): Room {
  const [room, setRoom] = useState<Room>({ width: 0, height: 0, em: 0 });
  useEffect(() => {
    const el = ref.current;
    const probe = emRef.current;
    if (!el || !probe) return;
    const measure = () => {
      const width = el.clientWidth;
      const height = el.clientHeight;
      const em = probe.getBoundingClientRect().width;
      setRoom((old) =>
        old.width === width && old.height === height && old.em === em ? old : { width, height, em },
      );
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    observer.observe(probe);
    return () => observer.disconnect();
  }, [ref, emRef]);
  return room;
}
