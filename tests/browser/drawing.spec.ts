// The cluster drawing in real Chromium: with 1, 5 and 9 nodes, at 1280×720 and at 640×360 (a
// 1280×720 screen at 200 % zoom), in both languages, after an election and a crash, no two texts
// in the drawing overlap and every one is inside the drawing's box; with presentation mode on
// (data-present on <html>) every text in it is at least 18 px, still without overlaps; and with
// the text size at 200 % the drawing drops labels rather than letting them collide. Messages in
// flight are left out of the overlap check: they move across everything by design.
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';

const SETTINGS = 'et=150-300&hb=50&lat=10-20&loss=0&pv=0&cq=0';
const VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 640, height: 360 },
];
const NODES = [1, 5, 9];
const LANGUAGES = ['en', 'zh'] as const;

const cluster = (page: Page) => page.getByRole('group', { name: /^(Raft cluster|Raft 集群)/ });

async function open(page: Page, lang: 'en' | 'zh', search: string): Promise<void> {
  await page.addInitScript((l) => localStorage.setItem('raft-lab.language', l), lang);
  await page.goto(`/?${search}&${SETTINGS}`);
  await page.waitForFunction(() => window.raftLabStore?.getState().status === 'running');
  await page.evaluate(() => window.raftLabStore!.getState().fastForward('leader'));
}

/** Crashes the leader from its node menu (its first item), then lets 40 virtual ms pass. */
async function crashLeader(page: Page): Promise<void> {
  const leader = await page.evaluate(() => window.raftLabView!().frame!.facts.leader);
  expect(leader).not.toBeNull();
  await cluster(page)
    .getByRole('button', { name: new RegExp(`^S${leader}[,，]`) })
    .click();
  await page.getByRole('menu').getByRole('menuitem').first().click();
  await page.evaluate(() => window.raftLabStore!.getState().advanceBy(40));
  await expect(
    cluster(page).getByRole('button', { name: new RegExp(`^S${leader}[,，]`) }),
  ).toHaveAccessibleName(/crashed|宕机/);
}

/** Two animation frames: the drawing has measured its fonts again and been redrawn. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  for (let i = 0; i < 2; i++)
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
}

interface TextBox {
  text: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
  px: number;
}

/** Every visible text in the cluster SVG but the moving messages', with its box and size. */
async function drawingTexts(page: Page): Promise<{ svg: TextBox; texts: TextBox[] }> {
  return cluster(page).evaluate((svg) => {
    const box = (el: Element, text: string): TextBox => {
      const r = el.getBoundingClientRect();
      // The size it renders at: its font size times the drawing's scale (a viewBox scales it).
      const scale = el instanceof SVGGraphicsElement ? (el.getScreenCTM()?.a ?? 1) : 1;
      const px = parseFloat(getComputedStyle(el).fontSize) * scale;
      return { text, left: r.left, top: r.top, right: r.right, bottom: r.bottom, px };
    };
    const texts = [...svg.querySelectorAll('text')]
      .filter((t) => !t.closest('.rl-flights') && (t.textContent ?? '').trim() !== '')
      .filter((t) => getComputedStyle(t).visibility !== 'hidden')
      .map((t) => box(t, t.textContent ?? ''));
    return { svg: box(svg, 'svg'), texts };
  });
}

function collisions(svg: TextBox, texts: readonly TextBox[]): string[] {
  const out: string[] = [];
  const eps = 0.5;
  for (const [i, a] of texts.entries()) {
    if (
      a.left < svg.left - eps ||
      a.top < svg.top - eps ||
      a.right > svg.right + eps ||
      a.bottom > svg.bottom + eps
    )
      out.push(`"${a.text}" leaves the drawing`);
    for (const b of texts.slice(i + 1)) {
      const apart =
        a.right <= b.left + eps ||
        b.right <= a.left + eps ||
        a.bottom <= b.top + eps ||
        b.bottom <= a.top + eps;
      if (!apart) out.push(`"${a.text}" overlaps "${b.text}"`);
    }
  }
  return out;
}

for (const viewport of VIEWPORTS) {
  for (const n of NODES) {
    for (const lang of LANGUAGES) {
      test(`${n} node(s) at ${viewport.width}×${viewport.height} in ${lang}: no text collides, presentation mode ≥ 18 px`, async ({
        page,
      }) => {
        await page.setViewportSize(viewport);
        await open(page, lang, `n=${n}&seed=1`);
        await crashLeader(page);
        await settle(page);
        const before = await drawingTexts(page);
        expect(before.texts.length).toBeGreaterThanOrEqual(n);
        expect(collisions(before.svg, before.texts)).toEqual([]);

        await page.evaluate(() => document.documentElement.setAttribute('data-present', ''));
        await settle(page);
        const present = await drawingTexts(page);
        const small = present.texts.filter((t) => t.px < 18).map((t) => `${t.text}: ${t.px}px`);
        expect(small).toEqual([]);
        expect(collisions(present.svg, present.texts)).toEqual([]);
      });
    }
  }
}

for (const lang of LANGUAGES) {
  test(`9 nodes at 1280×720 in ${lang} with text at 200 %: labels give way instead of colliding`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await open(page, lang, 'n=9&seed=1');
    await crashLeader(page);
    await page.getByRole('combobox', { name: /^(Text size|文字大小)$/ }).selectOption('200');
    await page.evaluate(() => document.documentElement.setAttribute('data-present', ''));
    await settle(page);
    const { svg, texts } = await drawingTexts(page);
    // Every node's name is drawn, still readable from the back of a room; a name shrinks below
    // its font only so that the crowded nodes keep apart (ring.ts, tests/unit/layout/fit.test.ts).
    const names = texts.filter((t) => /^S\d$/.test(t.text));
    expect(names.map((t) => t.text).sort()).toEqual(
      Array.from({ length: 9 }, (_, i) => `S${i + 1}`).sort(),
    );
    expect(Math.min(...names.map((t) => t.px))).toBeGreaterThanOrEqual(18);
    expect(collisions(svg, texts)).toEqual([]);
  });
}

test('message loss shows on the network: dashed links and a "message loss 30 %" label', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`/?n=5&seed=1&et=150-300&hb=50&lat=10-20&loss=30&pv=0&cq=0`);
  await page.waitForFunction(() => window.raftLabStore?.getState().status === 'running');
  await settle(page);
  await expect(cluster(page).getByText('message loss 30 %')).toBeVisible();
  const dashed = await cluster(page)
    .locator('.rl-link-line')
    .evaluateAll(
      (lines) => lines.filter((l) => getComputedStyle(l).strokeDasharray !== 'none').length,
    );
  expect(dashed).toBe(10);
});
