// The recorded frames as a persistent list (store layer): appending or dropping the oldest
// returns a new list and never changes one already published, while the two share every full
// chunk. With 64-frame chunks an append copies at most 63 references, and a 200,000-frame
// history holds about 3,000 chunks, so both memory and time stay linear.
import type { Frame } from './frame';

const CHUNK = 64;
let lineages = 0;

export class FrameList {
  private constructor(
    /** Full chunks, each exactly CHUNK frames; never changed once made. */
    private readonly chunks: readonly (readonly Frame[])[],
    /** The last, partly filled chunk (fewer than CHUNK frames). */
    private readonly tail: readonly Frame[],
    /** Frames dropped from the front of the first chunk. */
    private readonly offset: number,
    readonly length: number,
    /**
     * Lists appended from one start share a lineage; a new start (a rebuilt cluster) makes a new
     * one, so a memoized reader can tell "grew" from "replaced".
     */
    readonly lineage: number,
  ) {}

  static of(frames: readonly Frame[]): FrameList {
    return new FrameList([], [], 0, 0, ++lineages).append(frames);
  }

  /** The i-th kept frame (0 is the oldest kept), or undefined outside the list. */
  get(i: number): Frame | undefined {
    if (!Number.isInteger(i) || i < 0 || i >= this.length) return undefined;
    const a = i + this.offset;
    const c = Math.floor(a / CHUNK);
    return c < this.chunks.length
      ? this.chunks[c]![a % CHUNK]
      : this.tail[a - this.chunks.length * CHUNK];
  }

  first(): Frame | undefined {
    return this.get(0);
  }

  last(): Frame | undefined {
    return this.get(this.length - 1);
  }

  append(frames: readonly Frame[]): FrameList {
    if (frames.length === 0) return this;
    let tail = [...this.tail, ...frames];
    let chunks = this.chunks;
    if (tail.length >= CHUNK) {
      const full: Frame[][] = [];
      let start = 0;
      for (; tail.length - start >= CHUNK; start += CHUNK)
        full.push(tail.slice(start, start + CHUNK));
      chunks = [...chunks, ...full];
      tail = tail.slice(start);
    }
    return new FrameList(chunks, tail, this.offset, this.length + frames.length, this.lineage);
  }

  /** The list without its `count` oldest frames (same lineage: it is still the same history). */
  dropOldest(count: number): FrameList {
    const n = Math.min(this.length, Math.max(0, Math.floor(count)));
    if (n === 0) return this;
    const a = this.offset + n;
    const whole = Math.floor(a / CHUNK);
    if (whole <= this.chunks.length) {
      return new FrameList(
        this.chunks.slice(whole),
        this.tail,
        a - whole * CHUNK,
        this.length - n,
        this.lineage,
      );
    }
    const fromTail = a - this.chunks.length * CHUNK;
    return new FrameList([], this.tail.slice(fromTail), 0, this.length - n, this.lineage);
  }

  /** Frames from index `from` (inclusive) to `to` (exclusive), oldest first. */
  slice(from: number, to = this.length): Frame[] {
    const out: Frame[] = [];
    for (let i = Math.max(0, from); i < Math.min(to, this.length); i++) out.push(this.get(i)!);
    return out;
  }
}
