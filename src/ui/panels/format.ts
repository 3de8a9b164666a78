// Small number formats shared by the panels (UI layer).

/**
 * One formatter for every call: `toLocaleString` with options builds a new one each time, and
 * the clock formats a time on every display frame while playing.
 */
const tenths = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** Virtual milliseconds as "1,234.5 ms"; whole numbers lose the decimal. */
export function formatMs(ms: number): string {
  const rounded = Math.round(ms * 10) / 10;
  return `${tenths.format(rounded)} ms`;
}
