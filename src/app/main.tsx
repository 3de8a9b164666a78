// Browser entry point (app layer): mounts the React tree into #root.
// A placeholder until the real App, store and node hosts are wired in here.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('Raft Lab: missing <div id="root"> in index.html');

createRoot(rootElement).render(
  <StrictMode>
    <main>
      <h1>Raft Lab</h1>
    </main>
  </StrictMode>,
);
