// The diagram's zoom in time (UI layer): d3-zoom turns wheel, drag and pinch on the SVG into a
// zoom transform that lives in React state; the diagram uses only its x part (rescaleX). d3
// attaches its listeners to the element and keeps its own copy of the transform on it, and never
// touches anything React renders. This is the one file that may use d3-selection, to attach them.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { select } from 'd3-selection';
import type { D3ZoomEvent, ZoomTransform } from 'd3-zoom';
import { zoom, zoomIdentity } from 'd3-zoom';

export interface TimeZoom {
  readonly transform: ZoomTransform;
  /** Multiplies the zoom by `factor` about px `x`. */
  zoomBy(factor: number, x: number): void;
  /** Moves the view `px` to the right (positive: later times come into view). */
  panBy(px: number): void;
  /** Sets the zoom outright, e.g. to follow the newest events. */
  set(k: number, x: number): void;
}

/**
 * Zoom on `ref`'s SVG, `k` within `extent`, starting at scale `k0`. `onDrag` hears a person
 * dragging the view (not a wheel's zoom): the diagram stops following then.
 */
export function useTimeZoom(
  ref: RefObject<SVGSVGElement | null>,
  extent: readonly [number, number],
  k0: number,
  onDrag: () => void,
): TimeZoom {
  const [transform, setTransform] = useState<ZoomTransform>(() => zoomIdentity.scale(k0));
  const dragRef = useRef(onDrag);
  useEffect(() => {
    dragRef.current = onDrag;
  }, [onDrag]);
  const [lo, hi] = extent;
  const behavior = useMemo(() => zoom<SVGSVGElement, unknown>().scaleExtent([lo, hi]), [lo, hi]);
  // Attach once per element: d3 starts from the transform React shows.
  const startRef = useRef(transform);
  useEffect(() => {
    startRef.current = transform;
  }, [transform]);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    behavior.on('zoom', (e: D3ZoomEvent<SVGSVGElement, unknown>) => {
      setTransform(e.transform);
      const source = e.sourceEvent as Event | null;
      if (source && source.type !== 'wheel') dragRef.current();
    });
    const selection = select(el);
    selection.call(behavior).on('dblclick.zoom', null);
    selection.call(behavior.transform, startRef.current);
    return () => {
      selection.on('.zoom', null);
      behavior.on('zoom', null);
    };
  }, [ref, behavior]);

  const zoomBy = useCallback(
    (factor: number, x: number) => {
      if (!ref.current || !Number.isFinite(factor) || factor <= 0) return;
      behavior.scaleBy(select(ref.current), factor, [x, 0]);
    },
    [ref, behavior],
  );
  const panBy = useCallback(
    (px: number) => {
      const el = ref.current;
      if (!el || !Number.isFinite(px)) return;
      const t = transform;
      behavior.transform(select(el), zoomIdentity.translate(t.x - px, t.y).scale(t.k));
    },
    [ref, behavior, transform],
  );
  const set = useCallback(
    (k: number, x: number) => {
      if (!ref.current || !Number.isFinite(k) || !Number.isFinite(x)) return;
      behavior.transform(select(ref.current), zoomIdentity.translate(x, 0).scale(k));
    },
    [ref, behavior],
  );
  return { transform, zoomBy, panBy, set };
}
