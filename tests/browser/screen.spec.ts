// The classroom screen in real Chromium: at every projector and laptop size and browser zoom
// level, in both languages, no two pieces of text overlap, no text is cut off, nothing needs
// horizontal scrolling, and the clock, the event counter and the "in the past" notice are fully
// inside the window. Presentation mode lifts every text to 18 px at 1280×720. Browser zoom z on
// a W×H screen is a W/z × H/z CSS-pixel window drawn at z device pixels per CSS pixel, which is
// how these tests open it.
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { smallTextsIn } from './labPage';

const SETTINGS = 'et=150-300&hb=50&lat=10-20&loss=0&pv=0&cq=0';
const SCREENS: readonly (readonly [number, number])[] = [
  [1280, 720],
  [1366, 768],
  [1920, 1080],
  [3840, 2160],
];
const ZOOMS = [1, 1.25, 1.5, 2];
const LANGUAGES = ['en', 'zh'] as const;

async function open(page: Page, search: string): Promise<void> {
  await page.goto(`/?${search}`);
  await page.waitForFunction(() => window.raftLabStore?.getState().status === 'running');
  await page.evaluate(() => document.fonts.ready);
}

/**
 * A busy, paused screen: a leader, three writes committed, a crashed follower, a write in
 * flight, and the view one event in the past — every label, marker and notice the app shows.
 */
async function busyPast(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const s = () => window.raftLabStore!.getState();
    await s().fastForward('leader');
    for (const k of ['a', 'b', 'c']) await s().writeKey(k, `value-${k}`);
    await s().advanceBy(400);
    const frame = window.raftLabView!().frame!;
    const follower = frame.nodes.find((n) => n.alive && n.role === 'follower')!.id;
    await s().crashNode(follower);
    await s().writeKey('greeting', 'hello');
    await s().advanceBy(15);
    // Twenty events back: well before the newest instant, so the view is in the past.
    await s().seekTo(s().cursor - 20);
    await s().whenIdle();
  });
  // Let the drawing's layout settle on the new sizes and animations finish.
  await page.waitForTimeout(300);
}

interface ScreenProblem {
  readonly kind: string;
  readonly text: string;
  readonly detail: string;
}

/**
 * Every problem a person could see: text boxes that overlap, text cut off by a box that hides
 * overflow (an ellipsis counts only where the full text is in a title), text outside the window's
 * width, and a page wider than the window. Text scrolled out of a scrolling box is not shown, so
 * it is not measured; moving messages are left out (they cross labels on their way).
 */
function screenProblems(): ScreenProblem[] {
  const problems: ScreenProblem[] = [];
  const root = document.documentElement;
  const vw = root.clientWidth;
  if (root.scrollWidth > vw + 1) {
    problems.push({ kind: 'hscroll', text: '', detail: `${root.scrollWidth} > ${vw}` });
  }
  type Box = { x0: number; y0: number; x1: number; y1: number };
  const boxes: { box: Box; text: string; el: Element; node: Node }[] = [];
  // The time controls stay stuck to the window's bottom; page text scrolled under them is in
  // view again by scrolling, so it is not measured (the controls' own text is).
  const bar = document.querySelector('footer')?.getBoundingClientRect();
  const underBar = (b: Box, el: Element) =>
    !!bar &&
    !el.closest('footer') &&
    b.y1 > bar.top + 1 &&
    getComputedStyle(document.querySelector('footer')!).position === 'sticky';
  const clipsOf = (el: Element): { box: Box; scrolls: boolean }[] => {
    const out: { box: Box; scrolls: boolean }[] = [];
    // From the text's own element: a box that cuts its text with an ellipsis clips it too.
    for (let a: Element | null = el; a && a !== document.body; a = a.parentElement) {
      const cs = getComputedStyle(a);
      if (cs.overflowX === 'visible' && cs.overflowY === 'visible') continue;
      const r = a.getBoundingClientRect();
      const scrolls = /(auto|scroll)/.test(cs.overflowX + cs.overflowY);
      out.push({ box: { x0: r.left, y0: r.top, x1: r.right, y1: r.bottom }, scrolls });
    }
    return out;
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = (n.textContent ?? '').trim();
    const el = n.parentElement;
    if (!text || !el) continue;
    if (el.closest('.rl-flight, .rl-visually-hidden, option, select, title, style, script'))
      continue;
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    // A line box is as tall as the font's ascent + descent (Noto Sans SC's is 1.45 em), more
    // than the lines' spacing; the glyphs themselves fill about the em square. Measure that.
    let em = parseFloat(getComputedStyle(el).fontSize);
    if (el instanceof SVGElement) {
      const m = (el as unknown as SVGGraphicsElement).getScreenCTM?.();
      if (m) em *= Math.hypot(m.a, m.b);
    }
    for (const r of range.getClientRects()) {
      if (r.width < 1 || r.height < 1) continue;
      const mid = (r.top + r.bottom) / 2;
      const half = Math.min(r.height, em * 0.92) / 2;
      let box: Box = { x0: r.left, y0: mid - half, x1: r.right, y1: mid + half };
      let hidden = false;
      for (const clip of clipsOf(el)) {
        const c = clip.box;
        const inside =
          box.x0 >= c.x0 - 1 && box.x1 <= c.x1 + 1 && box.y0 >= c.y0 - 1 && box.y1 <= c.y1 + 1;
        const outside = box.x1 <= c.x0 || box.x0 >= c.x1 || box.y1 <= c.y0 || box.y0 >= c.y1;
        if (outside && clip.scrolls) {
          hidden = true;
          break;
        }
        if (!inside && !clip.scrolls && !el.closest('[title]')) {
          problems.push({ kind: 'clipped', text, detail: JSON.stringify(box) });
        }
        box = {
          x0: Math.max(box.x0, c.x0),
          y0: Math.max(box.y0, c.y0),
          x1: Math.min(box.x1, c.x1),
          y1: Math.min(box.y1, c.y1),
        };
      }
      if (hidden || box.x1 - box.x0 < 1 || box.y1 - box.y0 < 1 || underBar(box, el)) continue;
      if (box.x0 < -1 || box.x1 > vw + 1) {
        problems.push({
          kind: 'offscreen',
          text,
          detail: `${box.x0.toFixed(0)}–${box.x1.toFixed(0)} of ${vw}`,
        });
      }
      boxes.push({ box, text, el, node: n });
    }
    // Cut by an ellipsis without a title carrying the whole text.
    const cs = getComputedStyle(el);
    if (
      cs.textOverflow === 'ellipsis' &&
      el.scrollWidth > el.clientWidth + 1 &&
      !el.closest('[title]')
    ) {
      problems.push({ kind: 'ellipsis', text, detail: `${el.scrollWidth} > ${el.clientWidth}` });
    }
  }
  // Overlap: more than 2 px in both directions (glyph boxes of neighbours may touch).
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      // One text node's boxes (an ellipsis gives the whole and the shown part) are one text.
      if (boxes[i]!.node === boxes[j]!.node) continue;
      const a = boxes[i]!.box;
      const b = boxes[j]!.box;
      const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
      const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
      if (w > 2 && h > 2) {
        problems.push({
          kind: 'overlap',
          text: `${boxes[i]!.text} ⟂ ${boxes[j]!.text}`,
          detail: `${w.toFixed(0)}×${h.toFixed(0)}`,
        });
      }
    }
  }
  return problems;
}

/** The clock, the event counter and the past notice: each wholly inside the window. */
async function readoutsInView(page: Page, lang: 'en' | 'zh'): Promise<string[]> {
  const controls = page.getByRole('contentinfo');
  const readouts = [
    controls.getByTestId('clock').locator('.rl-clock-time'),
    controls.getByTestId('clock').locator('.rl-clock-event'),
    controls.getByTestId('past-notice'),
  ];
  const out: string[] = [];
  const vw = await page.evaluate(() => document.documentElement.clientWidth);
  const vh = await page.evaluate(() => window.innerHeight);
  for (const r of readouts) {
    await expect(r, `${lang}: a readout is missing`).toBeVisible();
    const b = (await r.boundingBox())!;
    const text = (await r.innerText()).trim();
    if (b.x < 0 || b.y < 0 || b.x + b.width > vw + 0.5 || b.y + b.height > vh + 0.5) {
      out.push(`"${text}" at ${JSON.stringify(b)} is not inside ${vw}×${vh}`);
    }
    const cut = await r.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
    if (cut) out.push(`"${text}" is cut off`);
  }
  return out;
}

for (const [w, h] of SCREENS) {
  for (const zoom of ZOOMS) {
    test(`${w}×${h} at ${zoom * 100} %: nothing overlaps, is cut off or scrolls sideways`, async ({
      browser,
    }) => {
      const context = await browser.newContext({
        viewport: { width: Math.round(w / zoom), height: Math.round(h / zoom) },
        deviceScaleFactor: zoom,
      });
      const page = await context.newPage();
      for (const lang of LANGUAGES) {
        await open(page, `n=5&seed=1&${SETTINGS}&lang=${lang}`);
        await busyPast(page);
        expect(await page.evaluate(screenProblems), `${lang}`).toEqual([]);
        expect(await readoutsInView(page, lang)).toEqual([]);
      }
      await context.close();
    });
  }
}

test('nine nodes at 1280×720 and at 200 % zoom: nothing overlaps', async ({ browser }) => {
  // Two page loads of about 6 s each: the default 30 s would leave too little for a busy machine.
  test.setTimeout(60_000);
  for (const zoom of [1, 2]) {
    const context = await browser.newContext({
      viewport: { width: 1280 / zoom, height: 720 / zoom },
      deviceScaleFactor: zoom,
    });
    const page = await context.newPage();
    for (const lang of LANGUAGES) {
      await open(page, `n=9&seed=1&${SETTINGS}&lang=${lang}`);
      await busyPast(page);
      expect(await page.evaluate(screenProblems), `${lang} at ${zoom}`).toEqual([]);
    }
    await context.close();
  }
});

/**
 * A grown cluster in the middle of a joint change (thesis §4.3): five servers, then S6 added as a
 * voter and S7 as a learner, then the voters changed to {1,2,3,4,6}; the client panel open on the
 * membership form. Membership tags, the joint facts and configuration entries are all on screen.
 */
async function grownJoint(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const s = () => window.raftLabStore!.getState();
    await s().fastForward('leader');
    await s().advanceBy(300);
    await s().addServer();
    await s().advanceBy(400);
    await s().addServer({ voter: false });
    await s().advanceBy(300);
    await s().changeVoters([1, 2, 3, 4, 6]);
    for (let i = 0; i < 100 && !window.raftLabView!().frame!.facts.joint; i++)
      await s().advanceBy(2);
    s().showPanel('client');
    await s().whenIdle();
  });
  await page.waitForTimeout(300);
}

test('a cluster grown to seven, mid joint change, at 1280×720 and 1920×1080: nothing overlaps', async ({
  browser,
}) => {
  // Two page loads, each growing the cluster: about 12 s here, so the default 30 s is too tight.
  test.setTimeout(60_000);
  for (const [w, h] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    const context = await browser.newContext({ viewport: { width: w, height: h } });
    const page = await context.newPage();
    for (const lang of LANGUAGES) {
      await open(page, `n=5&seed=1&${SETTINGS}&lang=${lang}`);
      await grownJoint(page);
      await expect(page.locator('.rl-fact-joint')).toBeVisible();
      expect(await page.evaluate(screenProblems), `${w}×${h} ${lang}`).toEqual([]);
    }
    await context.close();
  }
});

test('presentation mode at 1280×720: every text is at least 18 px, in both languages', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  for (const lang of LANGUAGES) {
    await open(page, `n=5&seed=1&${SETTINGS}&lang=${lang}&present=1`);
    await busyPast(page);
    await expect(
      page.getByRole('button', { name: lang === 'en' ? 'Present' : '演示模式' }),
    ).toHaveAttribute('aria-pressed', 'true');
    expect(await page.locator('body').evaluate(smallTextsIn, 18)).toEqual([]);
    expect(await page.evaluate(screenProblems)).toEqual([]);
    // The panels are a drawer: closed, the cluster has the width; open, they read large too.
    await expect(page.getByRole('tablist')).toHaveCount(0);
    await page
      .getByRole('button', { name: lang === 'en' ? 'Panels' : '面板', exact: true })
      .click();
    await expect(page.getByRole('tablist')).toBeVisible();
    expect(await page.locator('body').evaluate(smallTextsIn, 18)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('tablist')).toHaveCount(0);
  }
  await context.close();
});

test('a notice at 1280×720, presented and at 200 % text: the drawing keeps its height and no node is covered', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  for (const text of [100, 200]) {
    // An unknown link setting brings a two-line notice that stays for six seconds.
    await open(page, `n=5&seed=1&${SETTINGS}&lang=en&present=1&text=${text}&colour=red`);
    const notice = page.getByRole('status').filter({ hasText: 'colour is not a setting' });
    await expect(notice).toBeVisible();
    const drawing = page.getByRole('group', { name: /^Raft cluster\./ });
    const withNotice = (await drawing.boundingBox())!;
    const box = (await notice.locator('.rl-notice').boundingBox())!;
    for (const node of await drawing.getByRole('button', { name: /^S\d/ }).all()) {
      const n = (await node.boundingBox())!;
      const apart =
        n.x + n.width <= box.x ||
        box.x + box.width <= n.x ||
        n.y + n.height <= box.y ||
        box.y + box.height <= n.y;
      expect(apart, `${await node.getAttribute('aria-label')} under the notice`).toBe(true);
    }
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice).toBeHidden();
    await page.waitForTimeout(300);
    const without = (await drawing.boundingBox())!;
    expect(withNotice.height).toBe(without.height);
    expect(withNotice.height).toBeGreaterThan(text === 100 ? 240 : 140);
  }
});

test('presentation mode turns on from the top bar and goes into the link', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await open(page, `n=5&seed=1&${SETTINGS}&lang=en`);
  const present = page.getByRole('button', { name: 'Present' });
  await expect(present).toHaveAttribute('aria-pressed', 'false');
  expect((await page.locator('body').evaluate(smallTextsIn, 18)).length).toBeGreaterThan(0);
  await present.click();
  await expect(present).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/[?&]present=1(&|$)/);
  expect(await page.locator('body').evaluate(smallTextsIn, 18)).toEqual([]);
  await present.click();
  await expect(page).not.toHaveURL(/present=1/);
});

test('the text size setting scales every text, the drawing included', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await open(page, `n=5&seed=1&${SETTINGS}&lang=en`);
  const sizes = () =>
    page.evaluate(() => ({
      body: parseFloat(getComputedStyle(document.body).fontSize),
      // A role label of the drawing ("follower"): its size follows the text setting alone.
      node: (() => {
        const t = [...document.querySelectorAll('svg text')].find((e) =>
          /^(follower|leader)$/.test(e.textContent ?? ''),
        )!;
        const m = (t as SVGGraphicsElement).getScreenCTM()!;
        return parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
      })(),
    }));
  const before = await sizes();
  await page.getByRole('combobox', { name: 'Text size' }).selectOption('200');
  await expect(page).toHaveURL(/[?&]text=200(&|$)/);
  await page.waitForTimeout(200);
  const after = await sizes();
  expect(after.body / before.body).toBeCloseTo(2, 1);
  expect(after.node / before.node).toBeGreaterThan(1.5);
  expect(await page.evaluate(screenProblems)).toEqual([]);
});

/** Opens a lesson step by its link and waits until its world is built. */
async function openLesson(page: Page, search: string): Promise<void> {
  await page.goto(`/?${search}`);
  await page.waitForFunction(() => {
    const lesson = window.raftLabStore?.getState().lesson;
    return !!lesson && lesson.phase !== 'building';
  });
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(300);
}

test('a lesson step with a question and highlights: nothing overlaps or is cut off, at 1280×720 and 1920×1080, 100 % and 200 %, normal and presented', async ({
  browser,
}) => {
  // Sixteen page loads of a few seconds each.
  test.setTimeout(180_000);
  for (const [w, h] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    for (const zoom of [1, 2]) {
      const context = await browser.newContext({
        viewport: { width: Math.round(w / zoom), height: Math.round(h / zoom) },
        deviceScaleFactor: zoom,
      });
      const page = await context.newPage();
      for (const lang of LANGUAGES) {
        for (const present of ['0', '1']) {
          await openLesson(page, `lesson=majority&step=4&lang=${lang}&present=${present}`);
          const where = `${w}×${h} at ${zoom * 100} %, ${lang}, present=${present}`;
          expect(await page.evaluate(screenProblems), where).toEqual([]);
          if (zoom === 1 && w === 1280 && present === '1') {
            expect(await page.locator('body').evaluate(smallTextsIn, 18), where).toEqual([]);
          }
        }
      }
      await context.close();
    }
  }
});
