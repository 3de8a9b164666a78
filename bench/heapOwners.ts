// Who holds the heap (bench layer): reads a V8 heap snapshot and sums each object's own size
// under its owner — a class instance's field such as `Clients.requests`, or a closure's variable
// such as `acknowledged` in a checker — and says which source file declares it. The difference
// of two snapshots says what grows and how fast.
//
// An object's owner comes from the dominator tree (the object every path from the roots to it
// passes through): the nearest dominator that has a name, and its field on the way. An object
// two structures share is owned by neither but by what holds both, shown as `World.*`: what
// dropping one structure alone would free is exactly what it owns.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface HeapSnapshotFile {
  readonly snapshot: {
    readonly meta: {
      readonly node_fields: string[];
      readonly node_types: [string[]];
      readonly edge_fields: string[];
      readonly edge_types: [string[]];
    };
  };
  readonly nodes: number[];
  readonly edges: number[];
  readonly strings: string[];
}

/** Bytes and objects each owner holds. */
export type Owners = Map<string, { objects: number; bytes: number }>;

/** Names V8 gives objects without a class of their own: they pass ownership on. */
const PLAIN = new Set(['Object', 'Array', 'Map', 'Set', '', 'system / PropertyArray']);
const CONTEXT = 'system / Context';

/** The snapshot as arrays: node i's strong edges are targets[first[i] … first[i + 1]). */
interface Graph {
  readonly count: number;
  readonly first: Uint32Array;
  readonly targets: Uint32Array;
  /** Each edge's name (a field, a closure variable) or '[]' for elements and internals. */
  readonly edgeName: (edge: number) => string;
  readonly name: (node: number) => string;
  readonly type: (node: number) => string;
  readonly selfSize: (node: number) => number;
}

function graphOf(s: HeapSnapshotFile): Graph {
  const { node_fields: nf, node_types, edge_fields: ef, edge_types } = s.snapshot.meta;
  const [N, E] = [nf.length, ef.length];
  const field = (f: string) => nf.indexOf(f);
  const [iType, iName, iSize, iEdges] = ['type', 'name', 'self_size', 'edge_count'].map(field);
  const count = s.nodes.length / N;
  const first = new Uint32Array(count + 1);
  const targets = new Uint32Array(s.edges.length / E);
  const edgeIndex = new Uint32Array(s.edges.length / E);
  let kept = 0;
  for (let i = 0, e = 0; i < count; i++) {
    first[i] = kept;
    for (const end = e + s.nodes[i * N + iEdges!]!; e < end; e++) {
      if (edge_types[0][s.edges[e * E]!] === 'weak') continue; // a weak edge keeps nothing alive
      edgeIndex[kept] = e;
      targets[kept++] = s.edges[e * E + 2]! / N;
    }
  }
  first[count] = kept;
  return {
    count,
    first,
    targets,
    edgeName: (k) => {
      const e = edgeIndex[k]!;
      const kind = edge_types[0][s.edges[e * E]!];
      const named = kind !== 'element' && kind !== 'hidden' && kind !== 'internal';
      return named ? String(s.strings[s.edges[e * E + 1]!]) : '[]';
    },
    name: (i) => s.strings[s.nodes[i * N + iName!]!]!,
    type: (i) => node_types[0][s.nodes[i * N + iType!]!]!,
    selfSize: (i) => s.nodes[i * N + iSize!]!,
  };
}

/** Nodes reachable from the root (node 0) in reverse postorder, and each one's position in it. */
function reversePostorder(g: Graph): { order: Uint32Array; position: Int32Array } {
  const position = new Int32Array(g.count).fill(-1);
  const post: number[] = [];
  const stack = [0];
  const next = new Uint32Array(g.count); // the next edge each node on the stack will follow
  const seen = new Uint8Array(g.count);
  seen[0] = 1;
  next[0] = g.first[0]!;
  while (stack.length > 0) {
    const n = stack[stack.length - 1]!;
    if (next[n]! < g.first[n + 1]!) {
      const t = g.targets[next[n]!++]!;
      if (seen[t]) continue;
      seen[t] = 1;
      next[t] = g.first[t]!;
      stack.push(t);
    } else post.push(stack.pop()!);
  }
  const order = Uint32Array.from(post.reverse());
  order.forEach((n, k) => (position[n] = k));
  return { order, position };
}

/** Immediate dominators by the iterative algorithm of Cooper, Harvey and Kennedy (2001). */
function dominators(g: Graph, order: Uint32Array, position: Int32Array): Int32Array {
  const preds: number[][] = Array.from({ length: g.count }, () => []);
  for (const n of order)
    for (let k = g.first[n]!; k < g.first[n + 1]!; k++) preds[g.targets[k]!]!.push(n);
  const idom = new Int32Array(g.count).fill(-1);
  idom[0] = 0;
  const intersect = (a: number, b: number): number => {
    while (a !== b) {
      while (position[a]! > position[b]!) a = idom[a]!;
      while (position[b]! > position[a]!) b = idom[b]!;
    }
    return a;
  };
  for (let changed = true; changed;) {
    changed = false;
    for (let k = 1; k < order.length; k++) {
      const n = order[k]!;
      let d = -1;
      for (const p of preds[n]!) if (idom[p] !== -1) d = d === -1 ? p : intersect(p, d);
      if (d !== idom[n]) [idom[n], changed] = [d, true];
    }
  }
  return idom;
}

/** The label of `n` held by its dominator `d`, when `d` has a name; else null (ask d's owner). */
function labelOf(g: Graph, d: number, n: number): string | null {
  const named = g.name(d) === CONTEXT || (g.type(d) === 'object' && !PLAIN.has(g.name(d)));
  if (!named) return d === 0 ? '(roots)' : null;
  let field = '*'; // `d` reaches `n` only through objects shared with others
  for (let k = g.first[d]!; k < g.first[d + 1]!; k++) if (g.targets[k] === n) field = g.edgeName(k);
  return g.name(d) === CONTEXT ? `closure variable ${field}` : `${g.name(d)}.${field}`;
}

/** Every reachable object's own size, summed under its owner (see the top of the file). */
export function ownersOf(path: string): Owners {
  const g = graphOf(JSON.parse(readFileSync(path, 'utf8')) as HeapSnapshotFile);
  const { order, position } = reversePostorder(g);
  const idom = dominators(g, order, position);
  const ownerOf: string[] = new Array<string>(g.count);
  ownerOf[0] = '(roots)';
  const owners: Owners = new Map();
  for (let k = 1; k < order.length; k++) {
    const n = order[k]!; // its dominator comes earlier in this order, so it has its owner
    const d = idom[n]!;
    const owner = g.type(n) === 'code' ? '(code)' : (labelOf(g, d, n) ?? ownerOf[d]!);
    ownerOf[n] = owner;
    const o = owners.get(owner) ?? { objects: 0, bytes: 0 };
    o.objects++;
    o.bytes += g.selfSize(n);
    owners.set(owner, o);
  }
  return owners;
}

/** What each owner gained from `before` to `after`, per `per` (writes), largest first. */
export function growth(before: Owners, after: Owners, per: number, atLeast = 1) {
  const rows: { owner: string; bytesPerWrite: number; objectsPerWrite: number }[] = [];
  for (const [owner, a] of after) {
    const b = before.get(owner) ?? { objects: 0, bytes: 0 };
    const bytesPerWrite = (a.bytes - b.bytes) / per;
    if (Math.abs(bytesPerWrite) < atLeast) continue;
    rows.push({ owner, bytesPerWrite, objectsPerWrite: (a.objects - b.objects) / per });
  }
  return rows.sort((x, y) => y.bytesPerWrite - x.bytesPerWrite);
}

/**
 * The files under `dirs` that declare an owner: `class Clients` for `Clients.requests`, `const
 * acknowledged` for a closure variable (a bundler may append a digit to a name it renamed).
 */
export function declaredIn(owner: string, dirs: readonly string[]): string[] {
  const closure = /^closure variable ((\w+?)\d*)$/.exec(owner);
  const field = /^(\w+)\./.exec(owner);
  const pattern = closure
    ? new RegExp(`\\b(const|let|var) (${closure[1]}|${closure[2]})\\b`)
    : field
      ? new RegExp(`\\bclass ${field[1]}\\b`)
      : null;
  if (pattern === null) return [];
  return dirs.flatMap((dir) =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .map((file) => join(dir, file))
      .filter((path) => path.endsWith('.ts') && pattern.test(readFileSync(path, 'utf8'))),
  );
}
