import { describe, expect, it } from 'vitest';
import { selectFrame, selectHeadSeq } from '../../../src/store';
import { startedStore } from './harness';

describe('probe', () => {
  it('two leaders', async () => {
    const { store } = await startedStore('n=3&seed=7&off=oneVotePerTerm');
    const s = store.getState();
    console.log(s.playing, s.cursor, selectFrame(s)?.at);
    await s.timeoutNode(1);
    await s.timeoutNode(2);
    console.log(store.getState().cursor, selectFrame(store.getState())?.at);
    await s.advanceBy(300);
    const f = selectFrame(store.getState())!;
    console.log(JSON.stringify(f.violations), selectHeadSeq(store.getState()), f.nodes.map(n=>[n.role,n.term]));
  });
});
