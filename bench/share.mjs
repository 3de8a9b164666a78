// Sharing a run, measured in the browser through the workers (part of `npm run bench:ui`): the
// link of a five-minute classroom session, and the time to import a ten-minute run into a fresh
// page (every event computed again and checked by its digest). Progress goes to stderr.
/* global window */

const log = (...args) => console.error('[bench:ui share]', ...args);

/**
 * A teacher's five minutes on five servers (300,000 virtual ms): the leader crashed and
 * restarted, a partition and its heal, twenty writes, four election timers fired by hand and a
 * message held and released; then five more minutes of the same for the ten-minute run.
 */
async function classroomSession(page, minutes) {
  await page.evaluate(async (minutes) => {
    const lab = () => window.raftLabStore.getState();
    const leader = () => window.raftLabView().frame?.facts.leader ?? 1;
    const wire = () => window.raftLabView().frame?.flights.filter((f) => f.lostAt === null) ?? [];
    for (let m = 0; m < minutes; m++) {
      await lab().fastForward('leader', 5_000);
      for (let i = 0; i < 4; i++) {
        await lab().writeKey(`k${i}`, `m${m}w${i}`);
        await lab().advanceBy(2_000);
      }
      const down = leader();
      await lab().crashNode(down);
      await lab().advanceBy(10_000);
      await lab().restartNode(down);
      await lab().advanceBy(10_000);
      if (m % 2 === 0) {
        await lab().partitionNodes([
          [1, 2],
          [3, 4, 5],
        ]);
        await lab().advanceBy(10_000);
        await lab().healNetwork();
      }
      await lab().timeoutNode(1 + (m % 5));
      const f = wire()[0];
      if (f) {
        await lab().holdMessage(f.id);
        await lab().advanceBy(500);
        await lab().releaseMessage(f.id);
      }
      const left = 60_000 * (m + 1) - window.raftLabStore.getState().computedTo;
      if (left > 0) await lab().advanceBy(left);
    }
  }, minutes);
}

/** The link's length for 5 virtual minutes, then the import time of a 10-minute run. */
export async function shareFigures(browser, base) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(`${base}/?n=5&seed=1`);
  await page.waitForFunction(() => window.raftLabStore?.getState().status === 'running');
  log('five virtual minutes of a classroom session');
  await classroomSession(page, 5);
  const five = await page.evaluate(() => {
    const s = window.raftLabStore.getState();
    const query = s.runLink();
    return {
      actions: s.actions.length,
      linkChars: query === null ? null : `${window.location.origin}/?${query}`.length,
      runParamChars: query === null ? null : query.split('&run=')[1].length + 4,
    };
  });
  log('five more minutes');
  await classroomSession(page, 5);
  const file = await page.evaluate(() => {
    const s = window.raftLabStore.getState();
    return { text: s.exportRun(), digest: s.traceHash, head: window.raftLabView().headSeq };
  });
  await page.close();

  const fresh = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await fresh.goto(`${base}/?n=5&seed=1`);
  await fresh.waitForFunction(() => window.raftLabStore?.getState().status === 'running');
  log('importing the ten-minute run into a fresh page');
  const imported = await fresh.evaluate(async (text) => {
    const t0 = performance.now();
    const ok = await window.raftLabStore.getState().importRun(text);
    return { ok, ms: performance.now() - t0, digest: window.raftLabStore.getState().traceHash };
  }, file.text);
  await fresh.close();
  return {
    classroomSession5VirtualMinutes: { ...five, goalUnderChars: 2048 },
    import10VirtualMinuteRun: {
      fileKB: +(file.text.length / 1024).toFixed(1),
      events: file.head,
      importMs: Math.round(imported.ms),
      imported: imported.ok,
      sameDigest: imported.digest === file.digest,
    },
  };
}
