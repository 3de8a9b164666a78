// Transport icons drawn as SVG (UI layer), so they look the same whatever fonts are installed.
const PATHS = {
  back: 'M6 5h2v14H6zM20 5v14L9 12z',
  play: 'M7 4v16l13-8z',
  pause: 'M6 4h4v16H6zM14 4h4v16h-4z',
  forward: 'M16 5h2v14h-2zM4 5v14l11-7z',
} as const;

export function TransportIcon({ name }: { name: keyof typeof PATHS }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} />
    </svg>
  );
}
