// Bytes for a run link (store layer): unsigned varints, length-prefixed UTF-8 text and the
// base64url alphabet that a URL carries unescaped. The reader never reads past its end and says
// so with a coded problem, so a truncated or tampered link is refused rather than misread.
import type { RunProblem } from './runProblems';
import { RunRefusal } from './runProblems';

/** The largest whole number a link may carry: beyond it a number loses its last digits. */
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** Text that UTF-8 cannot carry as it is: a lone half of a surrogate pair. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isWellFormedText(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

export class ByteWriter {
  private readonly bytes: number[] = [];

  /** A whole number ≥ 0 in 7-bit groups, low first (300 → ac 02). */
  count(n: number): void {
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`not a count: ${n}`);
    let rest = n;
    while (rest >= 0x80) {
      this.bytes.push((rest % 0x80) | 0x80);
      rest = Math.floor(rest / 0x80);
    }
    this.bytes.push(rest);
  }

  byte(b: number): void {
    this.bytes.push(b & 0xff);
  }

  text(s: string): void {
    const utf8 = new TextEncoder().encode(s);
    this.count(utf8.length);
    for (const b of utf8) this.bytes.push(b);
  }

  /** A float64, big-endian: only for a loss rate that is not a whole percent. */
  float(x: number): void {
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, x);
    for (let i = 0; i < 8; i++) this.bytes.push(view.getUint8(i));
  }

  done(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

export class ByteReader {
  private at = 0;

  constructor(private readonly bytes: Uint8Array) {}

  private fail(problem: RunProblem): never {
    throw new RunRefusal(problem);
  }

  private next(): number {
    if (this.at >= this.bytes.length) this.fail({ code: 'truncated' });
    return this.bytes[this.at++]!;
  }

  /** A varint; `field` names it when it is out of range. */
  count(field: string): number {
    let n = 0;
    let scale = 1;
    // Eight groups of seven bits hold every safe integer; a longer varint, or one that ends in
    // an empty group after a continuation (a second spelling of a smaller number), is refused.
    for (let group = 0; group < 8; group++) {
      const b = this.next();
      n += (b & 0x7f) * scale;
      if (n > MAX_SAFE || (b === 0 && group > 0)) break;
      if (b < 0x80) return n;
      scale *= 0x80;
    }
    this.fail({ code: 'badField', field, want: 'count' });
  }

  byte(): number {
    return this.next();
  }

  text(field: string, max: number): string {
    const length = this.count(field);
    // UTF-8 takes at most 3 bytes per UTF-16 unit, so a longer text cannot be within `max`.
    if (length > max * 3) this.fail({ code: 'badField', field, want: 'text' });
    if (this.at + length > this.bytes.length) this.fail({ code: 'truncated' });
    const slice = this.bytes.subarray(this.at, this.at + length);
    this.at += length;
    let s: string;
    try {
      s = new TextDecoder('utf-8', { fatal: true }).decode(slice);
    } catch {
      this.fail({ code: 'badField', field, want: 'text' });
    }
    if (s.length === 0 || s.length > max) this.fail({ code: 'badField', field, want: 'text' });
    return s;
  }

  float(): number {
    if (this.at + 8 > this.bytes.length) this.fail({ code: 'truncated' });
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset + this.at, 8);
    this.at += 8;
    return view.getFloat64(0);
  }

  /** Refuses bytes after the end: a link is exactly its content. */
  end(): void {
    if (this.at !== this.bytes.length) this.fail({ code: 'trailing' });
  }
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const INDEX = new Map([...ALPHABET].map((c, i) => [c, i]));

/** base64url without padding: 3 bytes → 4 characters, safe in a query as they are. */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let j = 0; j < chars; j++) out += ALPHABET[(n >> (18 - 6 * j)) & 63];
  }
  return out;
}

/** The bytes of a base64url text, or null when it is not one (a wrong letter, a bad length). */
export function fromBase64Url(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null;
  const out: number[] = [];
  for (let i = 0; i < text.length; i += 4) {
    const group = text.slice(i, i + 4);
    let n = 0;
    for (let j = 0; j < 4; j++) {
      const v = j < group.length ? INDEX.get(group[j]!) : 0;
      if (v === undefined) return null;
      n = (n << 6) | v;
    }
    const bytes = group.length - 1;
    for (let j = 0; j < bytes; j++) out.push((n >> (16 - 8 * j)) & 0xff);
    // Unused low bits must be zero, so one link has exactly one spelling.
    if (bytes < 3 && (n & ((1 << (8 * (3 - bytes))) - 1)) !== 0) return null;
  }
  return Uint8Array.from(out);
}
