// Browser entry point (app layer): installs the test/benchmark handle and mounts the React tree.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { installDebugApi } from './debugApi';

installDebugApi();

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('Raft Lab: missing <div id="root"> in index.html');

createRoot(rootElement).render(
  <StrictMode>
    <main>
      <h1>Raft Lab</h1>
    </main>
  </StrictMode>,
);
