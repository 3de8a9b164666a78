// A stand-in for the UI's text measuring, for layout tests: every node with the longest lines the
// drawing shows (crashed with a loss, cut off, faulted, a learner or removed), sized like a
// sans-serif font at `scale`.
import type { LabelKind, LabelRequest } from '../../../src/layout/labels';
import type { RingSizes } from '../../../src/layout/ring';
import type { Size } from '../../../src/layout/rects';

/** Font size in px at 100 % of each label kind (the --rl-fs-N token its class uses). */
const FONT: Record<LabelKind, number> = {
  role: 19,
  member: 18,
  cutOff: 18,
  term: 18,
  lost: 17,
  fault: 17,
  loss: 16,
  hint: 14,
};

export const textSize = (text: string, px: number): Size => ({
  width: Math.ceil(text.length * px * 0.58) + 4,
  height: Math.ceil(px * 1.2),
});

export function ringSizes(scale: number): RingSizes {
  const name = textSize('S9', 28 * scale);
  return {
    name,
    nameCompact: textSize('S9', 20 * scale),
    line: textSize('x', 19 * scale).height,
    label: textSize('term 88 · voted S8', 18 * scale).width,
    client: { width: textSize('client', 20 * scale).width + 16, height: 20 * scale * 1.2 + 12 },
  };
}

/**
 * The most text the drawing shows for n nodes, as the UI would request it: every third node
 * crashed (disk and what it lost), the others cut off from a majority, S2 also faulted.
 */
export function everyLabel(n: number, scale: number): LabelRequest[] {
  const one = (kind: LabelKind, text: string) => textSize(text, Math.max(FONT[kind] * scale, 1));
  const out: LabelRequest[] = [];
  for (let id = 1; id <= n; id++) {
    const line = (kind: LabelKind, text: string): LabelRequest => ({
      key: `S${id}.${kind}`,
      kind,
      owner: id,
      sizes: [one(kind, text)],
    });
    if (id % 3 === 0) {
      out.push(
        line('role', 'crashed'),
        line('term', 'disk: term 128 · vote S9 · log 40'),
        line('lost', 'lost: leader · commit 15 · 14 keys'),
      );
    } else {
      out.push(
        line('role', id % 3 === 1 ? 'pre-candidate' : 'candidate'),
        line('term', 'term 128 · voted S9'),
        line('cutOff', 'cut off from a majority'),
      );
    }
    if (id === 2) out.push(line('fault', 'runtime fault: the node threw'));
    // Servers past the fifth were added: a learner, then one removed again, and so on.
    if (id > 5) out.push(line('member', id % 2 === 0 ? 'learner · cannot vote' : 'removed'));
  }
  const hint = 'Drag across empty space to split the network · click a link to cut it';
  const halves = [hint.slice(0, 45), hint.slice(48)].map((h) => one('hint', h));
  out.push(
    { key: 'loss', kind: 'loss', owner: 0, sizes: [one('loss', 'message loss 30 %')] },
    {
      key: 'hint',
      kind: 'hint',
      owner: 0,
      sizes: [
        one('hint', hint),
        { width: Math.max(...halves.map((h) => h.width)), height: 2 * halves[0]!.height + 2 },
      ],
    },
  );
  return out;
}

/** What a healthy cluster shows: each node's role and term line, the loss and the hint. */
export function plainLabels(n: number, scale: number): LabelRequest[] {
  return everyLabel(n, scale).filter(
    (r) => r.owner === 0 || r.kind === 'role' || (r.kind === 'term' && r.owner % 3 !== 0),
  );
}

/** A healthy cluster that grew past five: plain lines, and each added server's membership tag. */
export function grownLabels(n: number, scale: number): LabelRequest[] {
  return [...plainLabels(n, scale), ...everyLabel(n, scale).filter((r) => r.kind === 'member')];
}
