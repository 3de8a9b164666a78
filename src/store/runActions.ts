// Every simulator action as a shared run carries it (store layer): one table gives each kind
// its link code and its fields, and from it come the shape check (for a file, and before
// encoding), the bytes of a link and their reading back. The simulator checks each action again
// when it is applied (cluster size, state); this only refuses shapes a link cannot carry.
import type { SimAction, StagedDisk } from '../sim';
import { MAX_NODES, MAX_TEXT } from '../sim';
import type { ByteReader, ByteWriter } from './runBytes';
import { isWellFormedText } from './runBytes';
import { refuseRun } from './runProblems';

type FieldType = 'node' | 'nodes' | 'groups' | 'rate' | 'text' | 'mode' | 'flag' | 'count' | 'disk';
interface FieldSpec {
  readonly name: string;
  readonly type: FieldType;
  readonly optional?: true;
}
const f = (name: string, type: FieldType, optional?: true): FieldSpec => ({
  name,
  type,
  ...(optional ? { optional } : {}),
});

/**
 * Each kind's code in a link (1…31, the low five bits of its first byte; the high three say
 * which optional fields follow) and its fields in the order they are written. Codes are part of
 * link version 1: never renumber one, only add.
 */
const KINDS: Readonly<Record<SimAction['do'], { code: number; fields: readonly FieldSpec[] }>> = {
  crash: { code: 1, fields: [f('node', 'node')] },
  restart: { code: 2, fields: [f('node', 'node')] },
  timeout: { code: 3, fields: [f('node', 'node')] },
  partition: { code: 4, fields: [f('groups', 'groups')] },
  cut: { code: 5, fields: [f('a', 'node'), f('b', 'node')] },
  restore: { code: 6, fields: [f('a', 'node'), f('b', 'node')] },
  heal: { code: 7, fields: [] },
  drop: { code: 8, fields: [f('rate', 'rate')] },
  write: { code: 9, fields: [f('key', 'text'), f('value', 'text'), f('via', 'node', true)] },
  delete: { code: 10, fields: [f('key', 'text'), f('via', 'node', true)] },
  append: { code: 11, fields: [f('key', 'text'), f('value', 'text'), f('via', 'node', true)] },
  read: { code: 12, fields: [f('key', 'text'), f('via', 'node', true), f('mode', 'mode', true)] },
  compact: { code: 13, fields: [f('node', 'node')] },
  setDisk: { code: 14, fields: [f('node', 'node'), f('disk', 'disk')] },
  addServer: { code: 15, fields: [f('voter', 'flag', true)] },
  removeServer: { code: 16, fields: [f('node', 'node')] },
  changeVoters: { code: 17, fields: [f('voters', 'nodes')] },
  transferLeadership: { code: 18, fields: [f('to', 'node')] },
  hold: { code: 19, fields: [f('message', 'count')] },
  release: { code: 20, fields: [f('message', 'count')] },
  dropMessage: { code: 21, fields: [f('message', 'count')] },
  duplicate: { code: 22, fields: [f('message', 'count')] },
  releaseAll: { code: 23, fields: [] },
  manual: { code: 24, fields: [f('on', 'flag')] },
};
const BY_CODE = new Map(Object.entries(KINDS).map(([kind, k]) => [k.code, kind]));
const MODES = ['readIndex', 'lease', 'local'] as const;
const COMMANDS = ['noop', 'set', 'delete'] as const;

/** The kinds a shared run knows, in code order (tests and the UI may list them). */
export const SHARED_KINDS = Object.keys(KINDS) as SimAction['do'][];

/** A plain object: from `{}` or JSON, nothing else (no arrays, class instances, functions). */
export function isRecord(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Refuses every own key of `v` not in `allowed` ("__proto__" from JSON included). */
export function onlyKeys(v: object, allowed: readonly string[], field: string): void {
  for (const key of Reflect.ownKeys(v)) {
    if (typeof key !== 'string' || !allowed.includes(key)) {
      refuseRun({ code: 'unknownField', field: `${field}.${String(key)}` });
    }
  }
}

/** Reads own field `name` of `v` (never an inherited one such as `toString`). */
export function own(v: Record<string, unknown>, name: string): unknown {
  return Object.hasOwn(v, name) ? v[name] : undefined;
}

export function checkCount(v: unknown, field: string): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
    refuseRun({ code: 'badField', field, want: 'count' });
  }
  return v;
}

function checkList(v: unknown, field: string, max: number): unknown[] {
  if (!Array.isArray(v) || v.length > max) refuseRun({ code: 'badField', field, want: 'list' });
  for (let i = 0; i < v.length; i++)
    if (!(i in v)) refuseRun({ code: 'badField', field, want: 'list' });
  return v;
}

const checkNode = (v: unknown, field: string): number => {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > MAX_NODES) {
    refuseRun({ code: 'badField', field, want: 'node' });
  }
  return v;
};

function checkText(v: unknown, field: string): string {
  if (typeof v !== 'string' || v.length === 0 || v.length > MAX_TEXT || !isWellFormedText(v)) {
    refuseRun({ code: 'badField', field, want: 'text' });
  }
  return v;
}

/** The longest staged log a link carries: far past any lesson's (Figure 7 has 12 entries). */
const MAX_DISK_LOG = 1000;

function checkDisk(v: unknown, field: string): StagedDisk {
  if (!isRecord(v)) refuseRun({ code: 'badField', field, want: 'object' });
  onlyKeys(v, ['currentTerm', 'votedFor', 'log'], field);
  const votedFor = own(v, 'votedFor');
  const log = checkList(own(v, 'log'), `${field}.log`, MAX_DISK_LOG).map((e, i) => {
    const at = `${field}.log[${i}]`;
    if (!isRecord(e)) refuseRun({ code: 'badField', field: at, want: 'object' });
    onlyKeys(e, ['term', 'command'], at);
    return {
      term: checkCount(own(e, 'term'), `${at}.term`),
      command: checkCommand(own(e, 'command'), `${at}.command`),
    };
  });
  return {
    currentTerm: checkCount(own(v, 'currentTerm'), `${field}.currentTerm`),
    votedFor: votedFor === null ? null : checkNode(votedFor, `${field}.votedFor`),
    log,
  };
}

function checkCommand(v: unknown, field: string): StagedDisk['log'][number]['command'] {
  if (!isRecord(v)) refuseRun({ code: 'badField', field, want: 'object' });
  const kind = own(v, 'kind');
  if (kind === 'noop') return (onlyKeys(v, ['kind'], field), { kind });
  if (kind === 'delete') {
    onlyKeys(v, ['kind', 'key'], field);
    return { kind, key: checkText(own(v, 'key'), `${field}.key`) };
  }
  if (kind !== 'set')
    refuseRun({ code: 'unknownAction', field: `${field}.kind`, value: String(kind) });
  onlyKeys(v, ['kind', 'key', 'value'], field);
  return {
    kind,
    key: checkText(own(v, 'key'), `${field}.key`),
    value: checkText(own(v, 'value'), `${field}.value`),
  };
}

function checkValue(type: FieldType, v: unknown, field: string): unknown {
  switch (type) {
    case 'node':
      return checkNode(v, field);
    case 'nodes':
      return checkList(v, field, MAX_NODES).map((n, i) => checkNode(n, `${field}[${i}]`));
    case 'groups':
      return checkList(v, field, MAX_NODES).map((g, i) =>
        checkList(g, `${field}[${i}]`, MAX_NODES).map((n, j) =>
          checkNode(n, `${field}[${i}][${j}]`),
        ),
      );
    case 'rate':
      if (typeof v !== 'number' || !(v >= 0 && v <= 1))
        refuseRun({ code: 'badField', field, want: 'rate' });
      return v;
    case 'text':
      return checkText(v, field);
    case 'mode':
      if (!(MODES as readonly unknown[]).includes(v))
        refuseRun({ code: 'badField', field, want: 'mode' });
      return v;
    case 'flag':
      if (typeof v !== 'boolean') refuseRun({ code: 'badField', field, want: 'flag' });
      return v;
    case 'count':
      return checkCount(v, field);
    case 'disk':
      return checkDisk(v, field);
  }
}

/**
 * An action as a shared run may carry it: a plain object with a known `do` and exactly its
 * fields, each of its type. Returns a fresh copy with the fields in table order.
 */
export function checkSharedAction(v: unknown, field: string): SimAction {
  if (!isRecord(v)) refuseRun({ code: 'badField', field, want: 'object' });
  const kind = own(v, 'do');
  if (typeof kind !== 'string' || !Object.hasOwn(KINDS, kind)) {
    refuseRun({ code: 'unknownAction', field: `${field}.do`, value: String(kind) });
  }
  const spec = KINDS[kind as SimAction['do']];
  onlyKeys(v, ['do', ...spec.fields.map((s) => s.name)], field);
  const out: Record<string, unknown> = { do: kind };
  for (const s of spec.fields) {
    const value = own(v, s.name);
    if (value === undefined) {
      if (!s.optional) refuseRun({ code: 'missingField', field: `${field}.${s.name}` });
      continue;
    }
    out[s.name] = checkValue(s.type, value, `${field}.${s.name}`);
  }
  return out as unknown as SimAction;
}

/** Writes a checked action: its code byte, then its fields. */
export function writeAction(w: ByteWriter, action: SimAction): void {
  const spec = KINDS[action.do];
  const fields = action as unknown as Record<string, unknown>;
  const optional = spec.fields.filter((s) => s.optional);
  const present = optional.reduce(
    (bits, s, i) => (fields[s.name] === undefined ? bits : bits | (1 << i)),
    0,
  );
  w.byte(spec.code | (present << 5));
  for (const s of spec.fields) {
    if (fields[s.name] !== undefined) writeValue(w, s.type, fields[s.name]);
  }
}

function writeValue(w: ByteWriter, type: FieldType, v: unknown): void {
  switch (type) {
    case 'node':
    case 'count':
      return w.count(v as number);
    case 'nodes':
      w.count((v as number[]).length);
      return (v as number[]).forEach((n) => w.count(n));
    case 'groups':
      w.count((v as number[][]).length);
      return (v as number[][]).forEach((g) => writeValue(w, 'nodes', g));
    case 'rate':
      return writeRate(w, v as number);
    case 'text':
      return w.text(v as string);
    case 'mode':
      return w.byte(MODES.indexOf(v as (typeof MODES)[number]));
    case 'flag':
      return w.byte(v ? 1 : 0);
    case 'disk':
      return writeDisk(w, v as StagedDisk);
  }
}

/** A whole percent (the usual case) as one small number; anything else exactly, as a float. */
function writeRate(w: ByteWriter, rate: number): void {
  const percent = Math.round(rate * 100);
  if (percent / 100 === rate) {
    w.byte(0);
    w.count(percent);
  } else {
    w.byte(1);
    w.float(rate);
  }
}

function writeDisk(w: ByteWriter, disk: StagedDisk): void {
  w.count(disk.currentTerm);
  w.count(disk.votedFor ?? 0);
  w.count(disk.log.length);
  for (const e of disk.log) {
    w.count(e.term);
    const c = e.command as { kind: (typeof COMMANDS)[number]; key?: string; value?: string };
    w.byte(COMMANDS.indexOf(c.kind));
    if (c.key !== undefined) w.text(c.key);
    if (c.value !== undefined) w.text(c.value);
  }
}

/** Reads one action back; the result is checked as a file's would be. */
export function readAction(r: ByteReader, field: string): SimAction {
  const first = r.byte();
  const kind = BY_CODE.get(first & 31);
  if (kind === undefined)
    refuseRun({ code: 'unknownAction', field: `${field}.do`, value: String(first & 31) });
  const spec = KINDS[kind as SimAction['do']];
  const optional = spec.fields.filter((s) => s.optional);
  if (first >> 5 >= 1 << optional.length) refuseRun({ code: 'badField', field, want: 'object' });
  const out: Record<string, unknown> = { do: kind };
  for (const s of spec.fields) {
    const bit = optional.indexOf(s);
    if (bit >= 0 && !((first >> 5) & (1 << bit))) continue;
    out[s.name] = readValue(r, s.type, `${field}.${s.name}`);
  }
  return checkSharedAction(out, field);
}

function readValue(r: ByteReader, type: FieldType, field: string): unknown {
  switch (type) {
    case 'node':
    case 'count':
      return r.count(field);
    case 'nodes':
      return readList(r, field, (i) => r.count(`${field}[${i}]`));
    case 'groups':
      return readList(r, field, (i) => readValue(r, 'nodes', `${field}[${i}]`));
    case 'rate': {
      const tag = r.byte();
      if (tag === 0) return r.count(field) / 100;
      if (tag === 1) return r.float();
      return refuseRun({ code: 'badField', field, want: 'rate' });
    }
    case 'text':
      return r.text(field, MAX_TEXT);
    case 'mode':
      return MODES[r.byte()] ?? refuseRun({ code: 'badField', field, want: 'mode' });
    case 'flag': {
      const b = r.byte();
      return b === 1
        ? true
        : b === 0
          ? false
          : refuseRun({ code: 'badField', field, want: 'flag' });
    }
    case 'disk':
      return readDisk(r, field);
  }
}

/** A list's length comes first; one longer than any list may be is refused before it is read. */
function readList<T>(
  r: ByteReader,
  field: string,
  item: (i: number) => T,
  max: number = MAX_NODES,
): T[] {
  const length = r.count(field);
  if (length > max) refuseRun({ code: 'badField', field, want: 'list' });
  return Array.from({ length }, (_, i) => item(i));
}

function readDisk(r: ByteReader, field: string): StagedDisk {
  const currentTerm = r.count(`${field}.currentTerm`);
  const voted = r.count(`${field}.votedFor`);
  const log = readList(
    r,
    `${field}.log`,
    (i) => {
      const at = `${field}.log[${i}]`;
      const term = r.count(`${at}.term`);
      const kind =
        COMMANDS[r.byte()] ??
        refuseRun({ code: 'badField', field: `${at}.command`, want: 'object' });
      const key = kind === 'noop' ? undefined : r.text(`${at}.command.key`, MAX_TEXT);
      const value = kind === 'set' ? r.text(`${at}.command.value`, MAX_TEXT) : undefined;
      return {
        term,
        command: {
          kind,
          ...(key === undefined ? {} : { key }),
          ...(value === undefined ? {} : { value }),
        },
      };
    },
    MAX_DISK_LOG,
  );
  return { currentTerm, votedFor: voted === 0 ? null : voted, log } as StagedDisk;
}
