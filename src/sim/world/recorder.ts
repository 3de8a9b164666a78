// The record of a run (simulator layer): the event count, the running digest, the kept trace and
// the one listener. A listener hears an instant's events only once the instant is complete (every
// batch committed, timers set), and one that throws changes nothing: like a DOM event listener,
// its exception is caught and reported, and the run goes on.
import type { TraceEvent } from '../trace';
import { HASH_SEED } from '../trace';

export type Listener = (event: TraceEvent) => void;

export interface ListenOptions {
  /** Told of anything the listener throws; without it the error goes to reportError or console. */
  readonly onError?: (error: unknown, event: TraceEvent) => void;
}

export class Recorder {
  hash = HASH_SEED;
  eventCount = 0;
  readonly events: TraceEvent[] = [];
  private listener: Listener | null = null;
  private onError: ListenOptions['onError'] | null = null;
  /** Events the listener has yet to hear, and how many it has heard of them. */
  private pending: TraceEvent[] = [];
  private heard = 0;
  /** True while an instant is open: its events wait until it is complete. */
  private held = false;
  private flushing = false;

  constructor(private readonly keepTrace: boolean) {}

  /** Whether anyone reads event objects; when not, a step's event is counted but never built. */
  get wantsEvents(): boolean {
    return this.keepTrace || this.listener !== null;
  }

  /** Counts an event nobody reads, folding its digest in. */
  count(hash: number): void {
    this.hash = hash;
    this.eventCount++;
  }

  record(event: TraceEvent, hash: number): void {
    this.hash = hash;
    this.eventCount++;
    if (this.keepTrace) this.events.push(event);
    if (this.listener !== null) this.pending.push(event);
  }

  /** Sets the one listener (replacing any other); returns the function that removes it. */
  listen(listener: Listener, options: ListenOptions = {}): () => void {
    this.listener = listener;
    this.onError = options.onError ?? null;
    return () => {
      if (this.listener !== listener) return;
      this.listener = null;
      this.onError = null;
    };
  }

  /** An instant opens: its events wait for `release`. */
  hold(): void {
    this.held = true;
  }

  /** The instant is complete: the listener hears its events. */
  release(): void {
    this.held = false;
    this.flush();
  }

  /** Hands the waiting events to the listener, unless an instant is open or a flush is running. */
  flush(): void {
    // Nothing waiting (no listener, or all heard): return before the new list below, which
    // would otherwise be allocated once per instant and per action of every run.
    if (this.held || this.flushing || this.pending.length === 0) return;
    this.flushing = true;
    try {
      // A listener may cause events of its own (an action); they join the end of this list.
      while (this.heard < this.pending.length) {
        const event = this.pending[this.heard++]!;
        const listener = this.listener;
        if (listener === null) break;
        try {
          listener(event);
        } catch (error) {
          this.report(error, event);
        }
      }
    } finally {
      this.pending = [];
      this.heard = 0;
      this.flushing = false;
    }
  }

  private report(error: unknown, event: TraceEvent): void {
    const onError = this.onError;
    if (onError) {
      try {
        onError(error, event);
        return;
      } catch (second) {
        error = second;
      }
    }
    reportError(error);
  }
}

/** Reports an error no one caught, the way the platform does, without throwing. */
function reportError(error: unknown): void {
  const report = (globalThis as { reportError?: (error: unknown) => void }).reportError;
  if (typeof report === 'function') report(error);
  else console.error(error);
}
