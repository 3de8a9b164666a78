// How much room an element has (UI layer): its size as `measure` reads it and 1em of a probe
// element, in px, followed as the element, the probe, the window or the text size changes.
import { useEffect, useState } from 'react';
import type { RefObject } from 'react';

export interface Room {
  readonly width: number;
  readonly height: number;
  /** 1em of the probe's text, in px (follows the text size and presentation mode). */
  readonly em: number;
}

/** An element's inner box; pass a module-level function, so the effect is set up once. */
export type Measure = (el: HTMLElement) => { width: number; height: number };

export function useRoom(
  ref: RefObject<HTMLElement | null>,
  emRef: RefObject<HTMLElement | null>,
  measure: Measure,
): Room {
  const [room, setRoom] = useState<Room>({ width: 0, height: 0, em: 0 });
  useEffect(() => {
    const el = ref.current;
    const probe = emRef.current;
    if (!el || !probe) return;
    const update = () => {
      const { width, height } = measure(el);
      const em = probe.getBoundingClientRect().width;
      setRoom((old) =>
        old.width === width && old.height === height && old.em === em ? old : { width, height, em },
      );
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    observer.observe(probe);
    window.addEventListener('resize', update);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', update);
    };
  }, [ref, emRef, measure]);
  return room;
}
