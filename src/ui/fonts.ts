// The bundled Chinese font (UI layer). Noto Sans SC ships as unicode-range slices: the browser
// fetches only the slices whose characters the page shows. The stylesheet is its own chunk,
// imported only once 中文 is chosen, so the English UI downloads none of it.
let loading: Promise<void> | null = null;

/** Adds the Noto Sans SC faces to the page, once; later calls return the same promise. */
export function loadChineseFont(): Promise<void> {
  loading ??= import('@fontsource/noto-sans-sc/400.css').then(() => undefined);
  return loading;
}
