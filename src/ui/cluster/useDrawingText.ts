// The drawing's text sizes, measured with the real fonts (UI layer): each text class's font, its
// line box (ascent and height, as the browser boxes SVG text) and any string's width. The pure
// layout (src/layout) gets these numbers; it never sees a font. Measured again whenever <html>
// changes (text size setting, presentation mode, language, theme) and when a web font arrives.
import { useLayoutEffect, useMemo, useState } from 'react';
import type { RefObject } from 'react';

/** Every class the drawing sets text in; each uses one --rl-fs-N token in cluster.css. */
export const TEXT_CLASSES = [
  'rl-node-name',
  'rl-node-name-compact',
  'rl-node-role',
  'rl-node-member',
  'rl-node-info',
  'rl-node-warn',
  'rl-node-lost',
  'rl-node-fault',
  'rl-fault-badge-text',
  'rl-client-label',
  'rl-drawing-loss',
  'rl-drawing-hint',
  'rl-msg-glyph',
] as const;
export type TextClass = (typeof TEXT_CLASSES)[number];

export interface TextStyle {
  /** The CSS font shorthand, for canvas measuring. */
  readonly font: string;
  /** Font size in CSS px. */
  readonly px: number;
  /** Baseline below the top of the line box, and the box's height. */
  readonly ascent: number;
  readonly height: number;
}

export interface DrawingText {
  readonly styles: Readonly<Record<TextClass, TextStyle>>;
  /** Width in CSS px of `text` set in `cls`. */
  width(cls: TextClass, text: string): number;
}

let canvas: CanvasRenderingContext2D | null = null;
const widths = new Map<string, number>();

function measureWidth(font: string, text: string): number {
  const key = `${font}\u0000${text}`;
  const known = widths.get(key);
  if (known !== undefined) return known;
  canvas ??= document.createElement('canvas').getContext('2d');
  if (!canvas) return text.length * 10;
  canvas.font = font;
  const w = canvas.measureText(text).width;
  if (widths.size > 4000) widths.clear();
  widths.set(key, w);
  return w;
}

function measureClass(g: SVGGElement, cls: TextClass, sample: string): TextStyle {
  const el = document.createElementNS('http://www.w3.org/2000/svg', 'text');
  el.setAttribute('class', cls);
  el.textContent = sample;
  g.appendChild(el);
  const box = el.getBBox();
  // Read before the text leaves the document: a computed style is live, and empty once detached.
  const cs = getComputedStyle(el);
  const style: TextStyle = {
    font: `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`,
    px: parseFloat(cs.fontSize) || 16,
    ascent: Math.ceil(-box.y),
    height: Math.ceil(box.height),
  };
  g.removeChild(el);
  return style;
}

/**
 * Measures each class by setting `sample` (a string in the current language, so its glyphs come
 * from the fonts the labels will use) in a short-lived <text> inside `probe`, an empty group React
 * renders and never fills. Returns null until the first measurement.
 */
export function useDrawingText(
  probe: RefObject<SVGGElement | null>,
  sample: string,
): DrawingText | null {
  const [styles, setStyles] = useState<Record<TextClass, TextStyle> | null>(null);
  useLayoutEffect(() => {
    const measure = () => {
      const g = probe.current;
      if (!g) return;
      const next = {} as Record<TextClass, TextStyle>;
      for (const cls of TEXT_CLASSES) next[cls] = measureClass(g, cls, sample);
      setStyles((old) => (old && JSON.stringify(old) === JSON.stringify(next) ? old : next));
    };
    measure();
    const watch = new MutationObserver(measure);
    watch.observe(document.documentElement, { attributes: true });
    document.fonts?.addEventListener('loadingdone', measure);
    return () => {
      watch.disconnect();
      document.fonts?.removeEventListener('loadingdone', measure);
    };
  }, [probe, sample]);
  return useMemo(
    () =>
      styles && {
        styles,
        width: (cls: TextClass, text: string) => measureWidth(styles[cls].font, text),
      },
    [styles],
  );
}
