// What the screen points at (store layer): the lesson step's focus and, when a checker fired in
// the frame on screen, the servers and entries its finding names. Derived here once, so the
// drawing, the log strip and the inspector all highlight the same things.
import type { MessageKind } from '../sim';
import { involvedIn } from '../sim';
import type { LabState } from './labTypes';
import { selectFrame } from './selectors';

export interface Highlights {
  readonly nodes: ReadonlySet<number>;
  /** `linkKey(a, b)`, lower id first. */
  readonly links: ReadonlySet<string>;
  readonly messages: ReadonlySet<MessageKind>;
  /** `entryKey(node, index)`. */
  readonly entries: ReadonlySet<string>;
  /**
   * Servers whose snapshot block (§5) the log strip marks. A server shows one block at most, so
   * its id is the key: the block stays marked when a later compaction moves its end.
   */
  readonly snapshots: ReadonlySet<number>;
  /** Inspector fields by name; `fieldKey(field, node)` for one server's, `fieldKey(field)` for any. */
  readonly fields: ReadonlySet<string>;
  readonly client: boolean;
  /** Entries and servers named by a broken safety property (drawn as alarm, not as a pointer). */
  readonly broken: { readonly nodes: ReadonlySet<number>; readonly entries: ReadonlySet<string> };
}

export const linkKey = (a: number, b: number) => `${Math.min(a, b)}-${Math.max(a, b)}`;
export const entryKey = (node: number, index: number) => `${node}:${index}`;
export const fieldKey = (field: string, node?: number | null) =>
  node == null ? field : `${field}@${node}`;

export const NO_HIGHLIGHTS: Highlights = {
  nodes: new Set(),
  links: new Set(),
  messages: new Set(),
  entries: new Set(),
  snapshots: new Set(),
  fields: new Set(),
  client: false,
  broken: { nodes: new Set(), entries: new Set() },
};

let memo: { focus: unknown; violations: unknown; value: Highlights } | null = null;

/** The highlights for the state on screen; the same object while nothing they use changed. */
export function selectHighlights(s: LabState): Highlights {
  const focus = s.lesson?.focus ?? null;
  const violations = selectFrame(s)?.violations ?? null;
  if (memo && memo.focus === focus && memo.violations === violations) return memo.value;
  const value = build(focus ?? [], violations ?? []);
  memo = { focus, violations, value };
  return value;
}

function build(
  focus: NonNullable<LabState['lesson']>['focus'],
  violations: NonNullable<ReturnType<typeof selectFrame>>['violations'],
): Highlights {
  if (focus.length === 0 && violations.length === 0) return NO_HIGHLIGHTS;
  const nodes = new Set<number>();
  const links = new Set<string>();
  const messages = new Set<MessageKind>();
  const entries = new Set<string>();
  const snapshots = new Set<number>();
  const fields = new Set<string>();
  let client = false;
  for (const f of focus) {
    // Every kind named: a new kind of focus fails the type check here instead of passing as another.
    switch (f.kind) {
      case 'node':
        nodes.add(f.node);
        break;
      case 'link':
        links.add(linkKey(f.a, f.b));
        break;
      case 'message':
        messages.add(f.message);
        break;
      case 'entry':
        entries.add(entryKey(f.node, f.index));
        break;
      case 'snapshot':
        snapshots.add(f.node);
        break;
      case 'field':
        fields.add(fieldKey(f.field, f.node));
        break;
      case 'client':
        client = true;
        break;
      default:
        return f satisfies never;
    }
  }
  const broken = { nodes: new Set<number>(), entries: new Set<string>() };
  for (const v of violations) {
    const involved = involvedIn(v.finding);
    involved.nodes.forEach((n) => broken.nodes.add(n));
    involved.entries.forEach((e) => broken.entries.add(entryKey(e.node, e.index)));
  }
  return { nodes, links, messages, entries, snapshots, fields, client, broken };
}
