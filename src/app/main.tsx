// Browser entry point (app layer): installs the test/benchmark handle, builds the store over a
// cluster of real Web Workers, and mounts the React tree.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setInvariantChecks } from '../raft';
import type { Persistence } from '../store';
import type { Frame } from '../store';
import { createLabStore, frameAt, selectFirstSeq, selectFrame, selectHeadSeq } from '../store';
import { App } from '../ui/App';
import { installDebugApi } from './debugApi';
import { startWorkerCluster } from './runtime';
import type { WorkerHost } from '../worker/workerHost';

// Development builds assert the core's invariants after every step (in-process hosts; each
// worker does the same for itself); production skips the cost
// (and leaves the checks out of its bundle).
if (import.meta.env.DEV) setInvariantChecks(true);
installDebugApi();

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('Raft Lab: missing <div id="root"> in index.html');

/** Settings in the address bar (replaceState: no history entry per change), preferences in localStorage. */
const browser: Persistence = {
  readQuery: () => window.location.search,
  writeQuery(query) {
    window.history.replaceState(null, '', `${window.location.pathname}?${query}`);
  },
  load(key) {
    try {
      return window.localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  save(key, value) {
    try {
      window.localStorage.setItem(key, value);
    } catch {
      // Private mode or storage off: the choice lasts for this visit only.
    }
  },
  browserLanguages: () => navigator.languages ?? [navigator.language],
};

/** The node hosts of the store's clusters not yet stopped (a rebuild's replays here first). */
const hosts = new Set<WorkerHost>();

const store = createLabStore({
  async runtime(options, replay = false) {
    const { sim, host } = await startWorkerCluster(
      options,
      undefined,
      undefined,
      undefined,
      replay,
    );
    hosts.add(host);
    const dispose = () => {
      hosts.delete(host);
      host.dispose();
    };
    return { sim, dispose, goLive: () => host.goLive() };
  },
  scheduler: {
    next(callback) {
      const handle = requestAnimationFrame(callback);
      return () => cancelAnimationFrame(handle);
    },
  },
  persistence: browser,
});
window.raftLabStore = store;
// What the screen derives, for tests and benchmarks that read rather than click.
window.raftLabView = () => {
  const s = store.getState();
  return {
    frame: selectFrame(s),
    firstSeq: selectFirstSeq(s),
    headSeq: selectHeadSeq(s),
    frameCount: s.history.length,
    viewTime: store.clock.getState().viewTime,
    frameAt: (seq: number) => frameAt(s, seq),
  };
};
// Where the store's clusters run: for tests that check a rebuild ends up in the workers.
window.raftLabHosts = () =>
  [...hosts].map((h) => ({ replaying: h.replaying(), workers: h.liveWorkers() }));
void store.getState().start();

declare global {
  interface Window {
    /** The app's store, for browser tests that want to read state directly. */
    raftLabStore?: typeof store;
    /** The derived view of the store's state right now (the frame on screen, seq bounds, clock). */
    raftLabView?: () => {
      frame: Frame | null;
      firstSeq: number;
      headSeq: number;
      frameCount: number;
      viewTime: number;
      frameAt(seq: number): Frame | null;
    };
    /** Each running cluster's host: whether it still replays in the page, how many workers. */
    raftLabHosts?: () => { replaying: boolean; workers: number }[];
  }
}

createRoot(rootElement).render(
  <StrictMode>
    <App store={store} />
  </StrictMode>,
);
