// The "Try this" setups (UI layer): one per idea of the seed notes, each a short script of store
// intents. They read the frame only to pick a node (the leader, a follower); Raft decides the rest.
import type { LabStore, NoticeLine } from '../../store';
import { selectFrame } from '../../store';

/** A lesson that cannot go on, with what to tell the person (in codes, like every notice). */
export class LessonProblem extends Error {
  constructor(readonly line: NoticeLine) {
    super(line.key);
  }
}

export interface Lesson {
  readonly id: string;
  /** Extra buttons beside the main one, e.g. two cluster sizes to compare. */
  readonly variants?: readonly { readonly id: string; run(store: LabStore): Promise<void> }[];
  run(store: LabStore): Promise<void>;
}

async function fresh(store: LabStore, nodes: number): Promise<void> {
  const s = store.getState();
  s.pause();
  s.setPauseWhen({ leaderElected: false, termChanges: false, entryCommits: false });
  await s.applySettings({ nodes });
}

async function withLeader(store: LabStore, nodes = 5): Promise<number> {
  await fresh(store, nodes);
  await store.getState().fastForward('leader');
  const leader = selectFrame(store.getState())?.facts.leader;
  if (leader == null) throw new LessonProblem({ key: 'app.lessons.noLeader' });
  return leader;
}

function playUntil(store: LabStore, when: 'leaderElected' | 'entryCommits'): void {
  const s = store.getState();
  s.setPauseWhen({ [when]: true });
  s.play();
}

export const LESSONS: readonly Lesson[] = [
  {
    id: 'election',
    async run(store) {
      await fresh(store, 5);
      playUntil(store, 'leaderElected');
    },
  },
  {
    id: 'splitVote',
    async run(store) {
      await fresh(store, 5);
      const s = store.getState();
      // Four candidates in five: the fifth node's one vote cannot lift anyone to three.
      for (const id of [1, 2, 3, 4]) await s.timeoutNode(id);
      s.setPauseWhen({ termChanges: true });
      s.showPanel('events');
      s.play();
    },
  },
  {
    id: 'leaderCrash',
    async run(store) {
      const leader = await withLeader(store);
      await store.getState().crashNode(leader);
      playUntil(store, 'leaderElected');
    },
  },
  {
    id: 'replication',
    async run(store) {
      await withLeader(store);
      const s = store.getState();
      s.showPanel('client');
      await s.writeKey('x', '1');
      playUntil(store, 'entryCommits');
    },
  },
  {
    id: 'restriction',
    async run(store) {
      const leader = await withLeader(store);
      const s = store.getState();
      const stale = leader === 5 ? 4 : 5;
      await s.crashNode(stale);
      await s.writeKey('a', '1');
      await s.writeKey('b', '2');
      await s.fastForward('requestsSettled');
      await s.restartNode(stale);
      await s.timeoutNode(stale);
      s.showPanel('events');
      playUntil(store, 'leaderElected');
    },
  },
  {
    id: 'partition',
    async run(store) {
      const leader = await withLeader(store);
      const s = store.getState();
      const buddy = leader === 1 ? 2 : 1;
      const rest = [1, 2, 3, 4, 5].filter((id) => id !== leader && id !== buddy);
      await s.partitionNodes([[leader, buddy], rest]);
      await s.writeKey('p', 'minority', leader);
      s.showPanel('client');
      playUntil(store, 'leaderElected');
    },
  },
  {
    id: 'oddSizes',
    run: (store) => fresh(store, 4),
    variants: [{ id: 'five', run: (store) => fresh(store, 5) }],
  },
];
