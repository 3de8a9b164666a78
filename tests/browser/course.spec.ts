// The guided course in real Chromium, through roles and accessible names: a student picks
// Course, walks a lesson with Next, Back and the presenter keys (Back restores the exact state,
// checked by the trace digest), answers a prediction, completes "your turn", and leaves with
// Explore from here; a deep link opens a step directly and the link follows the student.
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';

const hash = (page: Page) => page.evaluate(() => window.raftLabStore!.getState().traceHash);
const player = (page: Page) => page.getByRole('region', { name: 'Lesson' });

/** Waits until the step on screen has been built (its world stands ready). */
async function ready(page: Page, step: number, of: number) {
  await expect(player(page).getByText(`Step ${step} of ${of}`)).toBeVisible();
  await expect(player(page).getByText('Setting the scene…')).toHaveCount(0);
}

test('a student walks a lesson: Next, Back and PageUp/PageDown, a prediction, their turn, then explores', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/?lang=en');
  await page.getByRole('button', { name: 'Course', exact: true }).click();
  await page.getByRole('button', { name: 'Start: Why a majority' }).click();
  await ready(page, 1, 5);
  // The step plays by itself and pauses when it is finished: a leader is elected.
  await expect(player(page).getByText('Step finished.', { exact: false })).toBeVisible({
    timeout: 30_000,
  });
  await player(page).getByRole('button', { name: 'Next' }).click();
  await ready(page, 2, 5);
  await expect(player(page).getByText('Step finished.', { exact: false })).toBeVisible({
    timeout: 30_000,
  });

  await page.keyboard.press('PageDown');
  await ready(page, 3, 5);
  const atQuestion = await hash(page);
  const question = player(page).getByRole('group', { name: 'Predict first' });
  const answers = question.getByRole('button');
  expect(await answers.count()).toBeGreaterThanOrEqual(2);
  const picked = (await answers.first().innerText()).trim();
  await answers.first().click();
  await expect(answers.first()).toHaveAttribute('aria-pressed', 'true');
  // The reveal says which answer the simulation gave, and whether the student's was it.
  const reveal = question.getByRole('status');
  await expect(reveal).toContainText('What happened:', { timeout: 30_000 });
  await expect(reveal).toContainText(/Right\.|Not this time\./);
  expect(picked.length).toBeGreaterThan(0);

  await player(page).getByRole('button', { name: 'Next' }).click();
  await ready(page, 4, 5);
  await page.keyboard.press('PageUp');
  await ready(page, 3, 5);
  // Back restores exactly the state at the start of the step: the question is asked again.
  expect(await hash(page)).toBe(atQuestion);
  await expect(answers.first()).toBeEnabled();
  await expect(answers.first()).toHaveAttribute('aria-pressed', 'false');

  await player(page)
    .getByRole('list', { name: 'Steps of this lesson' })
    .getByRole('button', { name: 'Step 5' })
    .click();
  await ready(page, 5, 5);
  const task = player(page).getByRole('group', { name: 'Your turn' });
  await expect(task).toBeVisible();
  await page.getByRole('button', { name: /^Restart \d crashed/ }).click();
  await expect(player(page).getByText('the lesson is finished', { exact: false })).toBeVisible({
    timeout: 30_000,
  });

  const before = await hash(page);
  await player(page).getByRole('button', { name: 'Explore from here' }).click();
  await expect(player(page)).toHaveCount(0);
  expect(await hash(page)).toBe(before);
  expect(new URL(page.url()).searchParams.get('lesson')).toBeNull();
  // The course page remembers the finished lesson.
  await page.getByRole('button', { name: 'Course', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Again: Why a majority' })).toBeVisible();
});

test('a deep link opens a lesson step in Chinese, and the link follows the student', async ({
  page,
}) => {
  await page.goto('/?lesson=majority&step=3&lang=zh');
  const lesson = page.getByRole('region', { name: '课程' });
  await expect(lesson.getByText('第 3 步，共 5 步')).toBeVisible();
  await expect(lesson.getByRole('group', { name: '先预测' })).toBeVisible();
  await expect(lesson.getByRole('button', { name: '下一步' })).toBeEnabled();
  await lesson.getByRole('button', { name: '下一步' }).click();
  await expect(lesson.getByText('第 4 步，共 5 步')).toBeVisible();
  await expect.poll(() => new URL(page.url()).searchParams.get('step')).toBe('4');
  expect(new URL(page.url()).searchParams.get('lesson')).toBe('majority');
});

test('a link to a lesson that does not exist says so and opens the free lab', async ({ page }) => {
  await page.goto('/?lesson=toString&step=2&lang=en');
  await expect(
    page.getByRole('alert').or(page.getByRole('status')).filter({ hasText: 'lesson' }).first(),
  ).toBeVisible();
  await expect(player(page)).toHaveCount(0);
  await expect(page.getByText('Leader S', { exact: false }).first()).toBeVisible({
    timeout: 20_000,
  });
});

test('membership lessons play in the browser: the rule-off step ends in the checker’s violation, and “Show me” hands leadership over', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto('/?lesson=one-change-at-a-time&step=3&lang=en');
  await ready(page, 3, 6);
  const question = player(page).getByRole('group', { name: 'Predict first' });
  await question.getByRole('button', { name: /^Three:/ }).click();
  await expect(question.getByRole('status')).toContainText('Right.', { timeout: 30_000 });
  await expect(page.getByText('Configurations Overlap', { exact: false }).first()).toBeVisible();
  await expect(player(page).getByText('Step finished.', { exact: false })).toBeVisible();

  await page.goto('/?lesson=leadership-transfer&step=5&lang=en');
  await ready(page, 5, 5);
  const task = player(page).getByRole('group', { name: 'Your turn' });
  await task.getByRole('button', { name: 'Show me' }).click();
  await expect(player(page).getByText('the lesson is finished', { exact: false })).toBeVisible({
    timeout: 30_000,
  });
  // Leadership went back to the server the lesson calls chief, as the facts bar says.
  const chief = await page.evaluate(() => window.raftLabStore!.getState().lesson!.names.chief);
  await expect(page.getByText(`Leader S${chief},`, { exact: false })).toBeVisible();
});

test('a student removes a leader through its menu, and the lesson sees its goal met', async ({
  page,
}) => {
  test.setTimeout(60_000);
  // The step's highlight pulses around the server to click; without motion it holds still.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/?lesson=removing-the-leader&step=5&lang=en');
  await ready(page, 5, 5);
  await expect(player(page).getByRole('group', { name: 'Your turn' })).toBeVisible();
  const next = await page.evaluate(() => window.raftLabStore!.getState().lesson!.names.next);
  // Paused, the drawing holds still for the click; playing again lets the change happen.
  const transport = page.getByRole('group', { name: 'Playback' });
  await transport.getByRole('button', { name: 'Pause' }).click();
  const cluster = page.getByRole('group', { name: /^Raft cluster/ });
  await cluster.getByRole('button', { name: new RegExp(`^S${next},`) }).click();
  await page
    .getByRole('menu', { name: `Actions for S${next}` })
    .getByRole('menuitem', { name: 'Remove from the cluster' })
    .click();
  await transport.getByRole('button', { name: 'Play' }).click();
  await expect(player(page).getByText('the lesson is finished', { exact: false })).toBeVisible({
    timeout: 30_000,
  });
});
