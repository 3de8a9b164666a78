// Acting in the past, asked and undone: the question comes before anything changes, and one
// undo puts back the discarded future exactly (same frames, same head, same digest).
import { describe, expect, it } from 'vitest';
import type { LabStore } from '../../../src/store';
import { selectDiscards, selectHeadSeq, selectInPast } from '../../../src/store';
import { settle, startedStore } from './harness';

/** A store with a leader, a write, 300 ms more, and the screen 40 events back. */
async function inThePast(query = 'n=5&seed=3') {
  const started = await startedStore(query);
  const lab = () => started.store.getState();
  await lab().fastForward('leader');
  await lab().writeKey('a', '1');
  await lab().advanceBy(300);
  await lab().seekTo(lab().cursor - 40);
  return { ...started, lab };
}

/** Everything undo promises to put back, by identity where it can. */
function snapshot(store: LabStore) {
  const s = store.getState();
  return {
    history: s.history,
    actions: s.actions,
    head: selectHeadSeq(s),
    cursor: s.cursor,
    computedTo: s.computedTo,
    traceHash: s.traceHash,
    viewTime: store.clock.getState().viewTime,
  };
}

describe('undo after acting in the past', () => {
  it('puts back the same frames, head and trace digest; a second undo does nothing', async () => {
    const { store, lab } = await inThePast();
    const before = snapshot(store);
    const discards = selectDiscards(lab());
    expect(discards).toBeGreaterThan(0);

    await lab().crashNode(1);
    expect(selectHeadSeq(lab())).toBeLessThan(before.head);
    expect(lab().traceHash).not.toBe(before.traceHash);
    expect(lab().undoable).toEqual({ from: before.head - discards, discarded: discards });

    await lab().undoRewrite();
    const after = snapshot(store);
    expect(after).toEqual(before);
    expect(after.history).toBe(before.history);
    expect(lab().undoable).toBeNull();

    await lab().undoRewrite();
    expect(snapshot(store)).toEqual(before);
    expect(lab().history).toBe(before.history);
  });

  it('the restored future runs on as if it had never been left', async () => {
    const { lab } = await inThePast();
    const reference = await inThePast();
    await lab().crashNode(2);
    await lab().advanceBy(200);
    await lab().undoRewrite();
    for (const l of [lab, reference.lab]) {
      await l().seekTo(selectHeadSeq(l()));
      await l().advanceBy(500);
    }
    expect(lab().traceHash).toBe(reference.lab().traceHash);
    expect(selectHeadSeq(lab())).toBe(selectHeadSeq(reference.lab()));
  });

  it('dismissing the offer or starting a new cluster lets the old future go', async () => {
    const { lab } = await inThePast();
    await lab().healNetwork();
    expect(lab().undoable).not.toBeNull();
    lab().dismissUndo();
    expect(lab().undoable).toBeNull();
    const now = lab().history;
    await lab().undoRewrite();
    expect(lab().history).toBe(now);

    await lab().seekTo(3);
    await lab().healNetwork();
    expect(lab().undoable).not.toBeNull();
    await lab().start();
    expect(lab().undoable).toBeNull();
    await lab().undoRewrite();
    expect(selectHeadSeq(lab())).toBe(0);
  });
});

describe('asking before acting in the past', () => {
  it('with no screen to answer, an action in the past happens at once (scripts and tests)', async () => {
    const { lab } = await inThePast();
    await lab().crashNode(1);
    expect(lab().rewrite).toBeNull();
    expect(lab().actions.at(-1)?.action).toEqual({ do: 'crash', node: 1 });
  });

  it('asks first, changes nothing until answered, and Cancel keeps everything', async () => {
    const { store, lab } = await inThePast();
    lab().askBeforeRewriting();
    const before = snapshot(store);
    const discards = selectDiscards(lab());
    const done = lab().crashNode(1);
    await settle(store);
    expect(lab().rewrite).toEqual({
      action: { do: 'crash', node: 1 },
      from: before.cursor,
      discards,
    });
    expect(snapshot(store)).toEqual(before);
    // A second action while the question is open is dropped, not queued behind it.
    await lab().healNetwork();
    lab().cancelRewrite();
    await done;
    expect(lab().rewrite).toBeNull();
    expect(snapshot(store)).toEqual(before);
    expect(lab().history).toBe(before.history);
  });

  it('Yes acts; "don\'t ask again" is remembered and the next action in the past just happens', async () => {
    const { store, lab } = await inThePast();
    const stop = lab().askBeforeRewriting();
    const done = lab().crashNode(1);
    await settle(store);
    expect(lab().rewrite).not.toBeNull();
    await lab().confirmRewrite({ dontAskAgain: true });
    await done;
    expect(lab().actions.at(-1)?.action).toEqual({ do: 'crash', node: 1 });
    expect(selectInPast(lab())).toBe(false);

    await lab().advanceBy(300);
    await lab().seekTo(lab().cursor - 10);
    expect(selectInPast(lab())).toBe(true);
    await lab().restartNode(1);
    expect(lab().rewrite).toBeNull();
    expect(lab().actions.at(-1)?.action).toEqual({ do: 'restart', node: 1 });
    stop();
  });

  it('at the newest instant nothing is discarded, so nothing is asked', async () => {
    const { store, lab } = await inThePast();
    lab().askBeforeRewriting();
    await lab().seekTo(selectHeadSeq(lab()));
    const history = lab().history;
    await lab().timeoutNode(2);
    await settle(store);
    expect(lab().rewrite).toBeNull();
    expect(lab().history.lineage).toBe(history.lineage);
    expect(lab().undoable).toBeNull();
  });

  it('odd answers change nothing: confirm or cancel with no question, a stop called twice', async () => {
    const { store, lab } = await inThePast();
    const before = snapshot(store);
    await lab().confirmRewrite({ dontAskAgain: true });
    lab().cancelRewrite();
    const stop = lab().askBeforeRewriting();
    stop();
    stop();
    // Still no one answers: the action happens at once.
    await lab().crashNode(3);
    expect(lab().rewrite).toBeNull();
    expect(selectHeadSeq(lab())).toBeLessThan(before.head);
    // A confirm whose option is not `true` does not turn the question off.
    lab().askBeforeRewriting();
    await lab().seekTo(lab().cursor - 5);
    const done = lab().restartNode(3);
    await settle(store);
    await lab().confirmRewrite({ dontAskAgain: 'yes' as unknown as boolean });
    await done;
    await lab().seekTo(lab().cursor - 5);
    void lab().restartNode(3);
    await settle(store);
    expect(lab().rewrite).not.toBeNull();
    lab().cancelRewrite();
  });
});
