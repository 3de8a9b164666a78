// Chinese always renders: the 中文 UI brings its own font (Noto Sans SC, bundled), so a machine
// with no CJK font shows characters, not boxes; the English UI downloads none of it. The first
// test runs Chromium with a font configuration that holds no CJK font at all, like a projector
// PC, whatever this machine has installed.
import { mkdtempSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { chromium, expect, test } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';

const SETTINGS = 'n=5&seed=1&et=150-300&hb=50&lat=10-20&loss=0&pv=0&cq=0';

/** A fontconfig file that knows Latin fonts only (or none), so no system font has 领. */
function latinOnlyFonts(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rl-fonts-'));
  const dirs = ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/truetype/liberation']
    .filter((d) => existsSync(d))
    .map((d) => `<dir>${d}</dir>`)
    .join('');
  const file = join(dir, 'fonts.conf');
  writeFileSync(
    file,
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>${dirs}` +
      `<cachedir>${join(dir, 'cache')}</cachedir></fontconfig>`,
  );
  return file;
}

async function open(page: Page, baseURL: string, search: string): Promise<void> {
  await page.goto(`${baseURL}/?${search}`);
  await page.waitForFunction(() => window.raftLabStore?.getState().status === 'running');
  await page.evaluate(() => document.fonts.ready);
}

/** Rendered widths of one character in the page's font and in fonts that may lack it. */
function widths() {
  const canvas = document.createElement('canvas').getContext('2d')!;
  const width = (font: string, text: string) => {
    canvas.font = font;
    return canvas.measureText(text).width;
  };
  return {
    bundled: width('40px "Noto Sans SC"', '领'),
    // No family with the character: what the machine itself would draw (a box if it has none).
    fallback: width('40px "No Such Font", sans-serif', '领'),
    box: width('40px "No Such Font", sans-serif', '\uFFFF'),
    loaded: [...document.fonts].filter(
      (f) => f.family.includes('Noto Sans SC') && f.status === 'loaded',
    ).length,
  };
}

test('中文 renders from the bundled font on a machine with no CJK font', async ({ baseURL }) => {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    env: { ...process.env, FONTCONFIG_FILE: latinOnlyFonts() },
  });
  try {
    const page = await browser.newPage();
    await open(page, baseURL!, `${SETTINGS}&lang=zh`);
    await expect(page.getByRole('tab', { name: '课程' })).toBeVisible();
    // The page's own text has pulled in the slices it needs.
    await page.waitForFunction(() =>
      [...document.fonts].some((f) => f.family.includes('Noto Sans SC') && f.status === 'loaded'),
    );
    await page.evaluate(() => document.fonts.load('40px "Noto Sans SC"', '领'));
    const w = await page.evaluate(widths);
    // The machine itself has no glyph: 领 falls back to the same box as a non-character.
    expect(w.fallback).toBeCloseTo(w.box, 1);
    // The bundled font draws it a full em wide, unlike the box.
    expect(w.bundled).toBeCloseTo(40, 0);
    expect(Math.abs(w.bundled - w.fallback)).toBeGreaterThan(2);
    expect(w.loaded).toBeGreaterThan(0);
    // The body's first family is the bundled one.
    const family = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    expect(family.startsWith('"Noto Sans SC"')).toBe(true);
  } finally {
    await browser.close();
  }
});

test('the English UI downloads no Chinese font; switching to 中文 downloads a few slices', async ({
  page,
}) => {
  const fontFiles: string[] = [];
  page.on('request', (r) => {
    if (/noto-sans-sc/.test(r.url())) fontFiles.push(r.url());
  });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`/?${SETTINGS}&lang=en`);
  await page.waitForFunction(() => window.raftLabStore?.getState().status === 'running');
  await page.evaluate(() => document.fonts.ready);
  expect(fontFiles).toEqual([]);
  expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).not.toContain(
    'Noto Sans SC',
  );
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page).toHaveURL(/[?&]lang=zh(&|$)/);
  await page.waitForFunction(() =>
    [...document.fonts].some((f) => f.family.includes('Noto Sans SC') && f.status === 'loaded'),
  );
  const woff2 = fontFiles.filter((u) => u.endsWith('.woff2'));
  expect(woff2.length).toBeGreaterThan(0);
  // Only the slices of characters on screen, not all of the font's ~100.
  expect(woff2.length).toBeLessThan(60);
});

test('a zh browser opens in 中文 the first time; the link wins over it', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`/?${SETTINGS}`);
  await page.waitForFunction(() => window.raftLabStore?.getState().status === 'running');
  await expect(page.getByRole('tab', { name: '课程' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.goto(`/?${SETTINGS}&lang=en`);
  await page.waitForFunction(() => window.raftLabStore?.getState().status === 'running');
  await expect(page.getByRole('tab', { name: 'Course' })).toBeVisible();
  await context.close();
});
