// Small integers, stored as such (simulator layer, for every layer above it).

/**
 * The same number, as a small integer when it is one. A whole number that came out of float
 * arithmetic (a uint32 draw taken modulo a range) or across the worker wire may be held as a
 * boxed double; one such value in a field makes V8 box that field in every later object of the
 * same shape (12 bytes each: the trace's times, a history's frames). `x | 0` keeps the value
 * (whole, in range, and not -0) and lets it be stored unboxed.
 * Example: small(3.0 computed as 7 % 4) → 3 held as a small integer; small(0.5) → 0.5.
 */
export function small(x: number): number {
  return x === (x | 0) && (x !== 0 || 1 / x > 0) ? x | 0 : x;
}
