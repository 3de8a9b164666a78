// The words the cluster drawing shows outside the nodes (UI layer): each node's role, term and
// vote (or a crashed node's disk), its membership tag ("learner · cannot vote", "removed"), "cut off
// from a majority", a runtime fault, what a crash lost; and the drawing's own notes, the message
// loss and the hint. The layout decides where each goes.
import type { LabelKind, LabelPlan, LabelRequest } from '../../layout/labels';
import { LABEL_GAP } from '../../layout/labels';
import type { ClusterFacts } from '../../sim';
import type { Frame, NodeFrame } from '../../store/frame';
import { lastIndexOf, lossPercentOf } from '../../store';
import type { Translate } from '../i18n/types';
import { describeReason } from '../i18n/codes';
import { describeLost } from '../nodeText';
import { memberTagText } from '../membershipText';
import type { DrawingText, TextClass } from './useDrawingText';

export interface LabelText {
  readonly key: string;
  readonly kind: LabelKind;
  /** Node id, or 0 for the drawing's own notes. */
  readonly owner: number;
  readonly cls: TextClass;
  /** Ways to set it, tried in turn: each a list of lines. */
  readonly variants: readonly (readonly string[])[];
}

/** Room left and right of a line's glyphs, for the halo drawn behind the text. */
export const PAD_X = 3;

/** The classes a node's state gives its words (role colours come from these). */
export function nodeClass(node: NodeFrame): string {
  return [
    'rl-node',
    node.alive ? `rl-role-${node.role}` : 'rl-crashed',
    node.cutOff ? 'rl-cutoff' : '',
    node.fault ? 'rl-faulted' : '',
    node.member === 'voter' ? '' : `rl-member-${node.member}`,
  ].join(' ');
}

/** Every line a node would show with room to spare, most important first. */
export function nodeLines(node: NodeFrame, facts: ClusterFacts, t: Translate): LabelText[] {
  const line = (kind: LabelKind, cls: TextClass, text: string): LabelText => ({
    key: `S${node.id}.${kind}`,
    kind,
    owner: node.id,
    cls,
    variants: [[text]],
  });
  const out: LabelText[] = [];
  if (node.alive) {
    const vote =
      node.votedFor === null
        ? t('visual.node.noVote')
        : t('visual.node.votedFor', { name: `S${node.votedFor}` });
    out.push(line('role', 'rl-node-role', t(`visual.role.${node.role}`)));
    out.push(
      line('term', 'rl-node-info', `${t('visual.node.term', { term: node.term })} · ${vote}`),
    );
    if (node.cutOff) out.push(line('cutOff', 'rl-node-warn', t('visual.node.cutOff')));
  } else {
    out.push(line('role', 'rl-node-role', t('visual.node.crashed')));
    const disk = {
      term: node.term,
      vote: node.votedFor === null ? '—' : `S${node.votedFor}`,
      length: lastIndexOf(node.log),
      snapshot: node.snapshot?.lastIncludedIndex ?? 0,
    };
    // A snapshot survives a crash too (§5): a restart loads it, so the disk line names it, on
    // two lines where one does not fit.
    out.push(
      node.snapshot
        ? {
            ...line('term', 'rl-node-info', t('snap.node.disk', disk)),
            variants: [
              [t('snap.node.disk', disk)],
              [t('snap.node.diskHead', disk), t('snap.node.diskTail', disk)],
            ],
          }
        : line('term', 'rl-node-info', t('visual.node.disk', disk)),
    );
    if (node.lost) out.push(line('lost', 'rl-node-lost', describeLost(node.lost, t)));
  }
  if (node.fault) {
    // Beside the node, a worker that missed its allowance gets a few words (the inspector has
    // the whole explanation); any other fault quotes its reason.
    const fault =
      node.fault.code === 'runtimeTimedOut'
        ? t('visual.node.faultTimedOut')
        : t('visual.node.fault', { fault: describeReason(node.fault, t) });
    out.push(line('fault', 'rl-node-fault', fault));
  }
  // Right under the role: what the server is in the configuration, when not a plain voter.
  const tag = memberTagText(node, facts, t);
  if (tag) out.splice(1, 0, line('member', 'rl-node-member', tag));
  return out;
}

/** All the drawing's words for one frame. */
export function drawingLabels(frame: Frame, t: Translate): LabelText[] {
  const out = frame.nodes.flatMap((n) => nodeLines(n, frame.facts, t));
  const percent = lossPercentOf(frame);
  if (frame.network.dropRate > 0) {
    out.push({
      key: 'loss',
      kind: 'loss',
      owner: 0,
      cls: 'rl-drawing-loss',
      variants: [[t('drawing.loss', { percent })]],
    });
  }
  out.push({
    key: 'hint',
    kind: 'hint',
    owner: 0,
    cls: 'rl-drawing-hint',
    variants: [[t('visual.cluster.hint')], [t('drawing.hint.drag'), t('drawing.hint.link')]],
  });
  return out;
}

/** The layout's requests: each variant's box, from the measured widths and line height. */
export function labelRequests(texts: readonly LabelText[], m: DrawingText): LabelRequest[] {
  return texts.map((l) => {
    const h = m.styles[l.cls].height;
    return {
      key: l.key,
      kind: l.kind,
      owner: l.owner,
      sizes: l.variants.map((lines) => ({
        width: Math.ceil(Math.max(...lines.map((s) => m.width(l.cls, s))) + 2 * PAD_X),
        height: lines.length * h + (lines.length - 1) * LABEL_GAP,
      })),
    };
  });
}

/** The words a node's labels would show, whether placed or not: for its tooltip. */
export function droppedFor(plan: LabelPlan, texts: readonly LabelText[], owner: number): string[] {
  const dropped = new Set(plan.dropped);
  return texts
    .filter((l) => l.owner === owner && dropped.has(l.key))
    .map((l) => l.variants[0]![0]!);
}
