// Every action a person or a script can take, checked in one place and then carried out on the
// world (simulator layer). `checkAction` reads only its argument; `performAction` refuses what
// the world's state forbids before it changes anything, so a refused action leaves no trace.
import type { ClientCommand, Command, NodeId, ReadMode } from '../../raft';
import { asNodeId, describeCommand } from '../../raft';
import type { World } from '../world';
import type { CheckedDisk } from './disk';
import {
  checkAddOptions,
  checkCanStand,
  checkLeaderTakesChange,
  checkRemovable,
  checkRoomForServer,
  checkTransfer,
  checkVoterList,
  checkVotersInUse,
} from './membership';
import { checkDisk, writeDisk } from './disk';
import { checkMessageId, checkSwitch, releaseAll, setManual, touchMessage } from './messages';
import {
  checkDropRate,
  checkGroups,
  checkLink,
  checkNodeId,
  checkText,
  describeValue,
  isPlainObject,
  refuse,
  strayKeys,
} from './validate';

/** An action whose every field has been checked: ids are servers, texts fit, groups cover all. */
export type CheckedAction =
  | { readonly do: 'crash' | 'restart' | 'timeout'; readonly node: NodeId }
  | { readonly do: 'partition'; readonly groups: readonly (readonly NodeId[])[] }
  | { readonly do: 'cut' | 'restore'; readonly a: NodeId; readonly b: NodeId }
  | { readonly do: 'heal' }
  | { readonly do: 'drop'; readonly rate: number }
  | { readonly do: 'write'; readonly command: Command; readonly via: NodeId | null }
  | { readonly do: 'delete'; readonly command: Command; readonly via: NodeId | null }
  | { readonly do: 'append'; readonly command: Command; readonly via: NodeId | null }
  | {
      readonly do: 'read';
      readonly key: string;
      readonly mode: ReadMode;
      readonly via: NodeId | null;
    }
  | { readonly do: 'compact'; readonly node: NodeId }
  | { readonly do: 'setDisk'; readonly node: NodeId; readonly disk: CheckedDisk }
  | { readonly do: 'addServer'; readonly voter: boolean }
  | { readonly do: 'removeServer'; readonly node: NodeId }
  | { readonly do: 'changeVoters'; readonly voters: readonly NodeId[] }
  | { readonly do: 'transferLeadership'; readonly to: NodeId }
  | { readonly do: 'hold' | 'release' | 'dropMessage' | 'duplicate'; readonly message: number }
  | { readonly do: 'releaseAll' }
  | { readonly do: 'manual'; readonly on: boolean };

/** Each action's required fields, then its optional ones. */
const FIELDS: Readonly<Record<string, readonly [required: string[], optional: string[]]>> = {
  crash: [['node'], []],
  restart: [['node'], []],
  timeout: [['node'], []],
  partition: [['groups'], []],
  cut: [['a', 'b'], []],
  restore: [['a', 'b'], []],
  heal: [[], []],
  drop: [['rate'], []],
  write: [['key', 'value'], ['via']],
  delete: [['key'], ['via']],
  append: [['key', 'value'], ['via']],
  read: [['key'], ['via', 'mode']],
  compact: [['node'], []],
  setDisk: [['node', 'disk'], []],
  addServer: [[], ['voter']],
  removeServer: [['node'], []],
  changeVoters: [['voters'], []],
  transferLeadership: [['to'], []],
  hold: [['message'], []],
  release: [['message'], []],
  dropMessage: [['message'], []],
  duplicate: [['message'], []],
  releaseAll: [[], []],
  manual: [['on'], []],
};

function badAction(action: unknown, why: string): never {
  refuse(
    { code: 'badAction', value: describeAction(action), detail: why },
    `not an action: ${why}`,
  );
}

function describeAction(action: unknown): string {
  if (!isPlainObject(action)) return describeValue(action);
  return typeof action.do === 'string' ? `{ do: ${JSON.stringify(action.do)}, … }` : 'an object';
}

/**
 * Checks a whole action as data, e.g. `{ do: 'cut', a: 1, b: 2 }`: a plain object with a known
 * `do`, exactly its own fields (inherited ones such as `toString` never count), each valid for a
 * cluster of `size`. Shape errors say 'badAction'; a bad field says its own code (unknownNode,
 * badText, badPartition, badDropRate, sameNodeLink, …), the same a direct call such as
 * `sim.crash(9)` gives.
 */
export function checkAction(action: unknown, size: number): CheckedAction {
  if (!isPlainObject(action)) {
    badAction(action, `an action is an object such as { do: 'crash', node: 1 }`);
  }
  const kind = action.do;
  if (typeof kind !== 'string' || !Object.hasOwn(FIELDS, kind) || !Object.hasOwn(action, 'do')) {
    badAction(
      action,
      `unknown action ${describeValue(kind)}; known: ${Object.keys(FIELDS).join(', ')}`,
    );
  }
  const [required, optional] = FIELDS[kind]!;
  const stray = strayKeys(action, ['do', ...required, ...optional]);
  if (stray.length) badAction(action, `${kind} takes no field ${stray.join(', ')}`);
  const missing = required.filter((k) => !Object.hasOwn(action, k));
  if (missing.length) badAction(action, `${kind} needs ${missing.join(' and ')}`);
  const a = action as Record<string, unknown>;
  const via = () => (a.via === undefined ? null : checkNodeId(a.via, size));
  switch (kind) {
    case 'crash':
    case 'restart':
    case 'timeout':
      return { do: kind, node: checkNodeId(a.node, size) };
    case 'partition':
      return { do: kind, groups: checkGroups(a.groups, size) };
    case 'cut':
    case 'restore': {
      const [from, to] = checkLink(a.a, a.b, size);
      return { do: kind, a: from, b: to };
    }
    case 'heal':
      return { do: kind };
    case 'drop':
      return { do: kind, rate: checkDropRate(a.rate) };
    case 'setDisk':
      return { do: kind, node: checkNodeId(a.node, size), disk: checkDisk(a.disk, size) };
    case 'addServer':
      return {
        do: kind,
        voter: checkAddOptions(a.voter === undefined ? undefined : { voter: a.voter }),
      };
    case 'removeServer':
      return { do: kind, node: checkNodeId(a.node, size) };
    case 'changeVoters':
      return { do: kind, voters: checkVoterList(a.voters, size) };
    case 'transferLeadership':
      return { do: kind, to: checkNodeId(a.to, size) };
    case 'write':
    case 'append': {
      const command = {
        kind: kind === 'write' ? 'set' : 'append',
        key: checkText('key', a.key),
        value: checkText('value', a.value),
      } as const;
      return { do: kind, command, via: via() };
    }
    case 'read':
      return { do: kind, key: checkText('key', a.key), mode: checkReadMode(a.mode), via: via() };
    case 'compact':
      return { do: kind, node: checkNodeId(a.node, size) };
    case 'hold':
    case 'release':
    case 'dropMessage':
    case 'duplicate':
      return { do: kind, message: checkMessageId(a.message) };
    case 'releaseAll':
      return { do: kind };
    case 'manual':
      return { do: kind, on: checkSwitch(a.on) };
    default: // 'delete'
      return {
        do: 'delete',
        command: { kind: 'delete', key: checkText('key', a.key) },
        via: via(),
      };
  }
}

/**
 * Carries out a checked action; the trace records it in English words that the corpus digests
 * fold in, so the texts stay exactly as they are. Returns the client request's id for a write.
 */
export function performAction(
  world: World,
  action: CheckedAction,
  hostCrash: (id: NodeId) => void,
): number | null {
  switch (action.do) {
    case 'crash':
    case 'restart':
    case 'timeout':
      performNodeAction(world, action.do, action.node, hostCrash);
      return null;
    case 'partition': {
      world.network.partition(action.groups);
      const text = action.groups.map((g) => `{${g.map((id) => `S${id}`).join(',')}}`).join(' | ');
      world.action('partition', null, `partition ${text}`, {
        do: 'partition',
        groups: action.groups,
      });
      return null;
    }
    case 'cut':
    case 'restore':
      return performLinkAction(world, action.do, action.a, action.b);
    case 'heal':
      world.network.heal();
      world.action('heal', null, 'network healed', { do: 'heal' });
      return null;
    case 'drop':
      world.dropRate = action.rate;
      world.action('drop rate', null, `drop rate ${Math.round(action.rate * 100)}%`, {
        do: 'drop',
        rate: action.rate,
      });
      return null;
    case 'setDisk':
      writeDisk(world, action.node, action.disk);
      return null;
    case 'addServer':
    case 'removeServer':
    case 'changeVoters':
    case 'transferLeadership':
      return performMembership(world, action);
    case 'read':
      return submitRead(world, action.key, action.mode, action.via);
    case 'compact':
      compact(world, action.node);
      return null;
    case 'hold':
    case 'release':
    case 'dropMessage':
    case 'duplicate':
      return touchMessage(world, action.do, action.message);
    case 'releaseAll':
      releaseAll(world);
      return null;
    case 'manual':
      setManual(world, action.on);
      return null;
    default:
      return submit(world, action.command, action.via);
  }
}

/** `sim.read`'s options: nothing, or a plain object with only `via` and `mode`. */
export function checkReadOptions(options: unknown): { via?: unknown; mode?: unknown } {
  if (options === undefined) return {};
  if (!isPlainObject(options)) {
    refuse(
      { code: 'badAction', value: describeValue(options), detail: 'read options' },
      `read options are an object such as { via: 2, mode: 'lease' }, not ${describeValue(options)}`,
    );
  }
  const stray = strayKeys(options, ['via', 'mode']);
  if (stray.length) {
    refuse(
      { code: 'badAction', value: describeValue(options), detail: `unknown ${stray.join(', ')}` },
      `read takes only via and mode, not ${stray.join(', ')}`,
    );
  }
  return { via: options.via, mode: options.mode };
}

/** The read modes of thesis §6.4; missing means readIndex, the safe default. */
export function checkReadMode(mode: unknown): ReadMode {
  if (mode === undefined) return 'readIndex';
  if (mode === 'readIndex' || mode === 'lease' || mode === 'local') return mode;
  refuse(
    { code: 'badReadMode', value: describeValue(mode) },
    `a read's mode is 'readIndex', 'lease' or 'local', not ${describeValue(mode)}`,
  );
}

/** A client read through `via`, by default the leader, else the lowest live id. */
function submitRead(world: World, key: string, mode: ReadMode, via: NodeId | null): number {
  const target = via ?? defaultTarget(world);
  const id = world.submit({ kind: 'read', key, mode }, target);
  world.action('read', target, `client read #${id} ${key} (${mode}) → S${target}`, {
    do: 'read',
    request: id,
    key,
    mode,
    via: target,
  });
  return id;
}

/** The snapshot comes in the next step (see world.compact); a crashed server cannot take one. */
function compact(world: World, node: NodeId): void {
  if (!world.isAlive(node)) {
    refuse({ code: 'nodeCrashed', node }, `S${node} is crashed: it cannot take a snapshot`);
  }
  world.compact(node);
}

type MembershipAction = Extract<
  CheckedAction,
  { do: 'addServer' | 'removeServer' | 'changeVoters' | 'transferLeadership' }
>;

/**
 * A membership change or a transfer: checked against the configuration in use, then sent to
 * the leader (else the lowest live server, which refuses it or forwards it) as a client request.
 * Adding a server first boots it, empty, so it is there to catch up. Returns the request's id.
 */
function performMembership(world: World, action: MembershipAction): number {
  const via = checkMembership(world, action);
  const added = action.do === 'addServer' ? world.addServer(via).id : null;
  const request = world.submit(membershipRequest(action, added), via);
  recordMembership(world, action, added, request, via);
  return request;
}

/** Refuses what the configuration in use forbids; returns the server the request goes to. */
function checkMembership(world: World, action: MembershipAction): NodeId {
  switch (action.do) {
    case 'addServer':
      checkRoomForServer(world);
      checkLeaderTakesChange(world);
      return defaultTarget(world);
    case 'removeServer':
      checkRemovable(world, action.node);
      return defaultTarget(world);
    case 'changeVoters':
      checkVotersInUse(world, action.voters);
      return defaultTarget(world);
    case 'transferLeadership':
      return checkTransfer(world, action.to);
  }
}

/** The client's request for `action`; `added` is the new server's id for addServer. */
function membershipRequest(action: MembershipAction, added: NodeId | null): ClientCommand {
  switch (action.do) {
    case 'addServer':
      return { kind: 'addServer', id: added!, voter: action.voter };
    case 'removeServer':
      return { kind: 'removeServer', id: action.node };
    case 'changeVoters':
      return { kind: 'changeVoters', voters: action.voters };
    case 'transferLeadership':
      return { kind: 'transferLeadership', to: action.to };
  }
}

/** The trace's record of the action, in the English words the digest folds in, and as data. */
function recordMembership(
  world: World,
  action: MembershipAction,
  added: NodeId | null,
  request: number,
  via: NodeId,
): void {
  const sent = `client request #${request} → S${via}`;
  switch (action.do) {
    case 'addServer': {
      const as = action.voter ? '' : ' as a learner';
      const detail = { do: 'addServer', node: added!, voter: action.voter, request, via } as const;
      return world.action('membership', added, `S${added} added${as}; ${sent}`, detail);
    }
    case 'removeServer': {
      const detail = { do: 'removeServer', node: action.node, request, via } as const;
      return world.action('membership', action.node, `remove S${action.node}; ${sent}`, detail);
    }
    case 'changeVoters': {
      const detail = { do: 'changeVoters', voters: action.voters, request, via } as const;
      const text = `voters → {${action.voters.join(',')}}; ${sent}`;
      return world.action('membership', null, text, detail);
    }
    case 'transferLeadership': {
      const detail = { do: 'transferLeadership', node: action.to, request, via } as const;
      const text = `transfer leadership S${via} → S${action.to}; client request #${request}`;
      return world.action('membership', action.to, text, detail);
    }
  }
}

function performNodeAction(
  world: World,
  kind: 'crash' | 'restart' | 'timeout',
  id: NodeId,
  hostCrash: (id: NodeId) => void,
): void {
  const r = world.node(id);
  if (kind === 'crash') {
    if (!r.alive) refuse({ code: 'alreadyCrashed', node: id }, `S${id} is already crashed`);
    world.halt(r, null);
    hostCrash(id);
    world.action('crash', id, `S${id} crashed`, { do: 'crash', node: id });
  } else if (kind === 'restart') {
    if (r.alive) {
      refuse(
        { code: 'stillRunning', node: id },
        `S${id} is running; crash it before restarting it`,
      );
    }
    world.boot(r);
    // §5: a restart loads the snapshot first; the trace says so only when there is one.
    const loaded = r.logBase > 0 ? ` from its snapshot up to ${r.logBase}` : '';
    world.action(
      'restart',
      id,
      `S${id} restarted with term ${r.currentTerm}, log ${r.logBase + r.log.length}${loaded}`,
      {
        do: 'restart',
        node: id,
        term: r.currentTerm,
        logLength: r.logBase + r.log.length,
        snapshotIndex: r.logBase,
      },
    );
  } else {
    if (!r.alive) refuse({ code: 'nodeCrashed', node: id }, `S${id} is crashed; restart it first`);
    checkCanStand(world, id);
    world.forceTimeout(id);
    world.action('timeout', id, `S${id} election timer fired by hand`, { do: 'timeout', node: id });
  }
}

function performLinkAction(world: World, kind: 'cut' | 'restore', a: NodeId, b: NodeId): null {
  if (kind === 'cut') {
    world.network.cutLink(a, b);
    world.network.cutLink(b, a);
  } else {
    world.network.restoreLink(a, b);
    world.network.restoreLink(b, a);
  }
  world.action('cut', null, `link S${a}–S${b} ${kind === 'cut' ? 'cut' : 'restored'}`, {
    do: kind,
    a,
    b,
    oneWay: false,
  });
  return null;
}

/** Cuts only messages from `from` to `to` (no SimAction says this; the API's cutOneWay does). */
export function performOneWayCut(world: World, from: NodeId, to: NodeId): void {
  world.network.cutLink(from, to);
  world.action('cut', null, `link S${from}→S${to} cut`, {
    do: 'cut',
    a: from,
    b: to,
    oneWay: true,
  });
}

/** A client write through `via`, by default the leader, else the lowest live id. */
function submit(world: World, command: Command, via: NodeId | null): number {
  const target = via ?? defaultTarget(world);
  const id = world.submit(command, target);
  world.action('write', target, `client request #${id} ${describeCommand(command)} → S${target}`, {
    do: 'write',
    request: id,
    command,
    via: target,
  });
  return id;
}

function defaultTarget(world: World): NodeId {
  const leader = leaderOf(world);
  if (leader !== null) return leader.id;
  return world.ids.find((id) => world.node(id).alive) ?? asNodeId(1);
}

/** The live leader with the highest term, or null. */
export function leaderOf(world: World): { id: NodeId; term: number } | null {
  // One object at the end, not one per leader seen: predicates ask after every instant.
  let bestId: NodeId | null = null;
  let bestTerm = 0;
  for (const id of world.ids) {
    const r = world.node(id);
    if (r.alive && r.status?.role === 'leader' && (bestId === null || r.currentTerm > bestTerm)) {
      bestId = id;
      bestTerm = r.currentTerm;
    }
  }
  return bestId === null ? null : { id: bestId, term: bestTerm };
}
