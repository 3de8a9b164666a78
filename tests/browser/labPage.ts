// What the browser specs share to drive the lab: open it on a fixed link and run on to a settled
// leader, and run virtual time ahead. The store is asked to run time, never waited on in real
// time, so a spec's work is bounded by counts.
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** Opens the lab on `search` and runs on until a leader has committed an entry of its term. */
export async function openSettled(page: Page, search: string): Promise<void> {
  await page.goto(`/?${search}`);
  await page.waitForFunction(() => window.raftLabStore?.getState().status === 'running');
  const cluster = page.getByRole('group', { name: /^Raft cluster|^Raft 集群/ });
  await expect(cluster.getByRole('button', { name: /^S\d+[,，]/ }).first()).toBeVisible();
  await page.evaluate(async () => {
    await window.raftLabStore!.getState().fastForward('leader');
    await window.raftLabStore!.getState().advanceBy(300);
  });
}

/** Runs virtual time `ms` ahead. */
export async function advance(page: Page, ms: number): Promise<void> {
  await page.evaluate((m) => window.raftLabStore!.getState().advanceBy(m), ms);
}

/** The leader the facts bar names ("Leader S2, term 1" → 2). */
export async function shownLeader(page: Page): Promise<number> {
  const text = await page.getByTestId('leader-fact').innerText();
  const m = /^Leader S(\d+), term \d+$/.exec(text.trim());
  if (!m) throw new Error('no leader on screen');
  return Number(m[1]);
}

/**
 * The visible texts inside `root` drawn smaller than `min` CSS px (SVG text scaled by its
 * drawing's transform), as "text: size" lines. Runs in the page: pass it to `evaluate`, e.g.
 * `page.locator('body').evaluate(smallTextsIn, 18)`.
 */
export function smallTextsIn(root: Element, min: number): string[] {
  const small: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    const text = (n.textContent ?? '').trim();
    if (!text || !el || el.closest('.rl-visually-hidden, option, title, style, script')) continue;
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
    let px = parseFloat(getComputedStyle(el).fontSize);
    if (el instanceof SVGElement) {
      const m = (el as unknown as SVGGraphicsElement).getScreenCTM?.();
      if (m) px *= Math.hypot(m.a, m.b);
    }
    if (px < min - 0.05) small.push(`${text.slice(0, 40)}: ${px.toFixed(1)} px`);
  }
  return small;
}
