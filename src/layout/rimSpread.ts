// Layout layer: angles round a circle pushed apart to a least gap, each staying as near as it
// can to the angle it wants. Message ports on a node's rim use it (messagePath.ts): a port faces
// its target unless a neighbour's port would sit closer than a message mark is wide.
//
// It is the least-squares answer, found exactly in one pass rather than by a physics run: with
// the angles in order as w₀ ≤ w₁ ≤ … and xₖ = yₖ + k·gap, the gaps hold exactly when the yₖ never
// decrease, and the nearest non-decreasing yₖ to wₖ − k·gap is what pooling adjacent violators
// gives (isotonic regression). Example, a gap of 0.4 rad:
//
//   wanted  0.0  0.1  0.2  1.5      →      spread  −0.3  0.1  0.5  1.5
//
// The first three pool into one block round their mean (0.1); the fourth is already clear.

const TAU = 2 * Math.PI;

/**
 * Each wanted angle (radians), moved as little as it can be (least squares) so that neighbours
 * round the circle are at least `gap` apart; the order round the circle is kept. Bunched angles
 * get no more room than the arc they cover widened by a gap at each end, so they close up to fit
 * it; when even the whole circle is too small, they are spaced evenly. Returned in the input's
 * order, each within a turn of its wanted angle; unchanged when `gap` is not above 0 or an
 * angle is not a finite number.
 */
export function spreadOnCircle(wanted: readonly number[], gap: number): number[] {
  const n = wanted.length;
  // Nothing to spread, nothing to spread by, or an angle that is not one.
  if (n < 2 || !(gap > 0) || !wanted.every(Number.isFinite)) return [...wanted];
  const round = wanted
    .map((angle, i) => ({ i, at: turnOf(angle) }))
    .sort((a, b) => a.at - b.at || a.i - b.i);
  // Open the circle at its widest empty arc: that is where spreading is least likely to wrap.
  let start = 0;
  let widest = -1;
  round.forEach((p, k) => {
    const arc = (k + 1 < n ? round[k + 1]!.at : round[0]!.at + TAU) - p.at;
    if (arc > widest) [widest, start] = [arc, (k + 1) % n];
  });
  const line = round.map((_, k) => round[(start + k) % n]!);
  const w = line.map((p, k) => p.at + (start + k >= n ? TAU : 0));
  // The room: the arc the angles cover, widened by a gap at each end. Where it cannot hold them
  // a gap apart, they close up to fit it rather than swing round to the far side.
  const step = Math.min(gap, (w[n - 1]! - w[0]! + 2 * gap) / (n - 1));
  let placed = n * step < TAU ? poolSpread(w, step) : null;
  // Spread on the open line, the last may come round to within a gap of the first.
  if (placed === null || placed[n - 1]! - placed[0]! > TAU - step) placed = evenly(w, TAU / n);
  const out = new Array<number>(n);
  line.forEach((p, k) => {
    // Back to within a turn of the angle asked for, as callers compare with what they gave.
    const shift = wanted[p.i]! - turnOf(wanted[p.i]!);
    out[p.i] = placed[k]! + shift - (start + k >= n ? TAU : 0);
  });
  return out;
}

/** An angle in [0, 2π). */
function turnOf(angle: number): number {
  const a = angle % TAU;
  return a < 0 ? a + TAU : a;
}

/** Non-decreasing `w`, spread `gap` apart at least, by pooling adjacent violators. */
function poolSpread(w: readonly number[], gap: number): number[] {
  const blocks: { sum: number; count: number }[] = [];
  w.forEach((angle, k) => {
    let block = { sum: angle - k * gap, count: 1 };
    for (let top = blocks.at(-1); top && top.sum * block.count > block.sum * top.count;) {
      blocks.pop();
      block = { sum: block.sum + top.sum, count: block.count + top.count };
      top = blocks.at(-1);
    }
    blocks.push(block);
  });
  const out: number[] = [];
  for (const { sum, count } of blocks) {
    for (let j = 0; j < count; j++) out.push(sum / count + out.length * gap);
  }
  return out;
}

/** `w` put exactly `step` apart, shifted as a whole to fit it best (least squares). */
function evenly(w: readonly number[], step: number): number[] {
  const offset = w.reduce((s, angle, k) => s + angle - k * step, 0) / w.length;
  return w.map((_, k) => offset + k * step);
}
