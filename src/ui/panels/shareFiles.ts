// Files in and out of the browser for sharing a run (UI layer): a text saved as a download
// through a Blob link, and the full address of a link the store gives as a query.

/** The file name an exported run gets. */
export const RUN_FILE_NAME = 'raft-lab-run.json';

/** Saves `text` as a download named `name` (JSON), without leaving anything behind. */
export function downloadText(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has taken the data by the next task; the URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** This page's address with `query` as its query: the link a person can send. */
export function addressWith(query: string): string {
  return `${window.location.origin}${window.location.pathname}?${query}`;
}
