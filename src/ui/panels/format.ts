// Small number formats shared by the panels (UI layer).

/** Virtual milliseconds as "1,234.5 ms"; whole numbers lose the decimal. */
export function formatMs(ms: number): string {
  const rounded = Math.round(ms * 10) / 10;
  return `${rounded.toLocaleString('en-US', { maximumFractionDigits: 1 })} ms`;
}
