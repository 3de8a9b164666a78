// Membership changes and leadership transfer at the scripting API (simulator layer): what each
// call may ask given the configuration in use, checked before anything changes, and how it is
// carried out — a new server's boot and a client request to the leader, which turns it into
// configuration entries (src/raft/membership.ts). Which configuration is in use is read here.
import type { ConfigState, NodeId } from '../../raft';
import { asNodeId, votesIn } from '../../raft';
import { MAX_NODES } from '../options';
import type { NodeRecord, World } from '../world';
import { leaderOf } from './actions';
import { describeValue, isPlainObject, refuse } from './validate';

/** The configuration as `sim.configuration()` reports it. */
export interface ClusterConfiguration {
  readonly voters: number[];
  readonly learners: number[];
  /** During a joint change (§4.3): the outgoing and the incoming voters; null otherwise. */
  readonly joint: { readonly old: number[]; readonly new: number[] } | null;
}

/** The configuration a server uses: its running one, else the one on its disk, else its boot one. */
export function configOfRecord(world: World, r: NodeRecord): ConfigState {
  if (r.status) return r.status.config;
  if (r.diskConfig) return r.diskConfig;
  const voters = r.id <= world.options.nodes ? world.raftOptions.ids : [];
  return { voters, learners: [], old: null, joining: [] };
}

/**
 * The configuration in use: the leader's; with no leader, that of the live server with the
 * highest term (then the newest configuration entry, then the lowest id); with none alive, the
 * same among every server's disk.
 */
export function clusterConfigOf(world: World): ConfigState {
  const leader = leaderOf(world);
  if (leader !== null) return configOfRecord(world, world.node(leader.id));
  let best: NodeRecord | null = null;
  let bestAlive = false;
  for (const id of world.ids) {
    const r = world.node(id);
    const index = r.status?.configIndex ?? r.diskConfigIndex;
    const bestIndex = best ? (best.status?.configIndex ?? best.diskConfigIndex) : -1;
    const better =
      best === null ||
      (r.alive && !bestAlive) ||
      (r.alive === bestAlive &&
        (r.currentTerm > best.currentTerm ||
          (r.currentTerm === best.currentTerm && index > bestIndex)));
    if (better) {
      best = r;
      bestAlive = r.alive;
    }
  }
  return configOfRecord(world, best!);
}

export function describeConfiguration(c: ConfigState): ClusterConfiguration {
  return {
    voters: [...c.voters],
    learners: [...c.learners],
    joint: c.old === null ? null : { old: [...c.old], new: [...c.voters] },
  };
}

const isVoterOf = (c: ConfigState, id: number) => votesIn(c, id as NodeId);
const isMemberOf = (c: ConfigState, id: number) =>
  isVoterOf(c, id) || c.learners.includes(id as NodeId);

/** The `addServer` options: nothing, or `{ voter }` with a boolean; returns whether it will vote. */
export function checkAddOptions(options: unknown): boolean {
  if (options === undefined) return true;
  if (!isPlainObject(options)) {
    refuse(
      {
        code: 'badAction',
        value: describeValue(options),
        detail: 'addServer takes { voter?: boolean }',
      },
      `addServer takes { voter?: boolean }, not ${describeValue(options)}`,
    );
  }
  const keys = Reflect.ownKeys(options).map(String);
  const stray = keys.filter((k) => k !== 'voter');
  if (stray.length > 0) {
    refuse(
      {
        code: 'badAction',
        value: 'an object',
        detail: `addServer takes no option ${stray.join(', ')}`,
      },
      `addServer takes no option ${stray.join(', ')}`,
    );
  }
  const voter: unknown = (options as { voter?: unknown }).voter;
  if (voter === undefined) return true;
  if (typeof voter !== 'boolean') {
    refuse(
      { code: 'badAction', value: describeValue(voter), detail: 'voter must be true or false' },
      `voter must be true or false, not ${describeValue(voter)}`,
    );
  }
  return voter;
}

/** At most nine servers in all, the ninth included. */
export function checkRoomForServer(world: World): void {
  if (world.ids.length >= MAX_NODES) {
    refuse(
      { code: 'tooManyServers', max: MAX_NODES },
      `a cluster has at most ${MAX_NODES} servers; this one has S1…S${world.ids.length}`,
    );
  }
}

/** removeServer: `id` must be a voter or learner of the configuration in use, and not its last voter. */
export function checkRemovable(world: World, id: NodeId): void {
  const c = clusterConfigOf(world);
  if (!isMemberOf(c, id)) {
    refuse(
      { code: 'notInCluster', node: id },
      `S${id} is not a voter or learner of the configuration in use`,
    );
  }
  if (c.old === null && c.voters.length === 1 && c.voters[0] === id) {
    refuse(
      { code: 'lastVoter', node: id },
      `S${id} is the only voter; removing it would leave none`,
    );
  }
}

/**
 * changeVoters' list as data: a non-empty list of distinct servers of a cluster of `size`.
 * Returns it ascending.
 */
export function checkVoterList(ids: unknown, size: number): NodeId[] {
  const bad = (detail: string): never =>
    refuse({ code: 'badVoters', detail }, `changeVoters: ${detail}`);
  if (!Array.isArray(ids))
    bad(`takes a list of server ids such as [1, 2, 3], not ${describeValue(ids)}`);
  const list = ids as unknown[];
  if (list.length === 0) bad('the new voters must include at least one server');
  if (list.length > MAX_NODES) bad(`at most ${MAX_NODES} voters`);
  const out: NodeId[] = [];
  for (let i = 0; i < list.length; i++) {
    if (!Object.hasOwn(list, i)) bad(`the list has a hole at ${i}`);
    const id: unknown = list[i];
    if (typeof id !== 'number' || !Number.isInteger(id) || id < 1 || id > size) {
      refuse(
        { code: 'unknownNode', node: describeValue(id), size },
        `unknown node ${describeValue(id)}: this cluster has S1…S${size}`,
      );
    }
    if (out.includes(id as NodeId)) bad(`S${id} is listed twice`);
    out.push(asNodeId(id));
  }
  return out.sort((a, b) => a - b);
}

/** changeVoters against the configuration in use: each a voter or learner, and not the same voters. */
export function checkVotersInUse(world: World, out: readonly NodeId[]): void {
  const c = clusterConfigOf(world);
  for (const id of out) {
    if (!isMemberOf(c, id)) {
      refuse(
        { code: 'notInCluster', node: id },
        `S${id} is not a voter or learner of the configuration in use; add it first`,
      );
    }
  }
  if (
    c.old === null &&
    out.length === c.voters.length &&
    out.every((id, i) => id === c.voters[i])
  ) {
    refuse({ code: 'sameVoters' }, `the voters are already {${out.join(',')}}`);
  }
}

/** transferLeadership: there must be a leader, and `to` a voter other than it. Returns the leader. */
export function checkTransfer(world: World, to: NodeId): NodeId {
  const leader = leaderOf(world);
  if (leader === null) refuse({ code: 'noLeaderNow' }, 'there is no leader to hand over');
  if (leader.id === to) refuse({ code: 'alreadyLeads', node: to }, `S${to} is the leader already`);
  if (!isVoterOf(configOfRecord(world, world.node(leader.id)), to)) {
    refuse(
      { code: 'notAVoter', node: to },
      `S${to} is not a voter; leadership can only go to a voter`,
    );
  }
  return leader.id;
}

/** A timeout only makes a server stand that may: a voter, or one whose removal is uncommitted. */
export function checkCanStand(world: World, id: NodeId): void {
  if (!world.node(id).status?.canStand) {
    refuse(
      { code: 'notAVoter', node: id },
      `S${id} is not a voter; only a voter stands for election`,
    );
  }
}

/** Whether a membership request the client sent is still unanswered (on its way, or waiting). */
function changeRequestPending(world: World): boolean {
  for (const r of world.recentRequests(64)) {
    const kind = r.command.kind;
    const change = kind === 'addServer' || kind === 'removeServer' || kind === 'changeVoters';
    if (change && r.status === 'pending') return true;
  }
  return false;
}

/**
 * Adding a server boots it before the leader has said yes, so it is refused here when the
 * leader could not take it: with no leader, or while a change is under way (§4.1), including one
 * the client asked for that has not reached the leader yet. A server
 * the leader then refuses all the same (it lost office meanwhile) stays outside the cluster.
 */
export function checkLeaderTakesChange(world: World): void {
  const leader = leaderOf(world);
  if (leader === null) refuse({ code: 'noLeaderNow' }, 'there is no leader to add a server');
  if (!world.node(leader.id).status?.acceptsChange || changeRequestPending(world)) {
    refuse(
      { code: 'changeInProgress', node: leader.id },
      `leader S${leader.id} is still making a change (or has not committed an entry of its term yet); try again once it is committed`,
    );
  }
}
