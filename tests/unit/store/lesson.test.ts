// The lesson slice: a link opens a step in exactly the state the course runner reaches headless;
// Next goes on in place, Back and the step list rebuild; predictions wait for an answer and the
// reveal reads what happened; a task is detected live; bad links and saved progress are
// untrusted and change nothing but what they may.
import { describe, expect, it } from 'vitest';
import { LESSONS, lessonById, lessonOptions, reachStep } from '../../../src/course';
import { createSimulation } from '../../../src/sim';
import type { LabStore } from '../../../src/store';
import { createLabStore } from '../../../src/store';
import { PROGRESS_KEY, readProgress } from '../../../src/store/lessonSlice';
import { ManualScheduler, inProcess, memoryPersistence, settle } from './harness';

async function open(query: string, saved: Record<string, string> = {}) {
  const scheduler = new ManualScheduler();
  const persistence = memoryPersistence(query);
  for (const [k, v] of Object.entries(saved)) persistence.save(k, v);
  const store = createLabStore({ runtime: inProcess, scheduler, persistence });
  await store.getState().start();
  await settle(store);
  return { store, scheduler, persistence };
}

/** The trace digest of a lesson step's start, reached headless by the course runner. */
async function headlessHash(id: string, step: number): Promise<string> {
  const lesson = lessonById(id)!;
  const sim = createSimulation({ ...lessonOptions(lesson, step), keepTrace: false });
  await reachStep(lesson, sim, step);
  return sim.traceHash();
}

/** Plays display frames until `done` holds (at most `frames` frames of 100 ms). */
async function playUntil(
  store: LabStore,
  scheduler: ManualScheduler,
  done: () => boolean,
  frames = 2000,
): Promise<boolean> {
  store.getState().setSpeed(1000);
  for (let i = 0; i < frames && !done(); i++) {
    scheduler.frame(100);
    await settle(store);
  }
  return done();
}

describe('a lesson link', () => {
  it('?lesson=majority&step=3 opens step 3 in the state the runner reaches headless, asking first', async () => {
    const { store } = await open('lesson=majority&step=3');
    const s = store.getState();
    expect(s.lesson).toMatchObject({ id: 'majority', step: 2, phase: 'ask', answer: null });
    expect(s.traceHash).toBe(await headlessHash('majority', 2));
    expect(s.playing).toBe(false);
    expect(s.notice).toBeNull();
  });

  it.each([
    ['an unknown lesson', 'lesson=nope&step=2', null],
    ['a prototype key as lesson', 'lesson=constructor', null],
    ['a repeated lesson', 'lesson=majority&lesson=election', null],
  ])('%s is reported and opens the free lab', async (_, query, lesson) => {
    const { store } = await open(query);
    expect(store.getState().lesson).toBe(lesson);
    expect(store.getState().notice?.key).toBe('app.notice.linkSettings');
    expect(store.getState().status).toBe('running');
  });

  it.each(['0', '99', '1.5', '-1', 'NaN', '', '2e0'])(
    'step=%s is reported and opens the first step',
    async (step) => {
      const { store } = await open(`lesson=majority&step=${step}`);
      expect(store.getState().lesson).toMatchObject({ id: 'majority', step: 0 });
      expect(store.getState().notice?.details?.[0]).toMatchObject({
        key: 'app.link.badValue',
        params: { param: 'step' },
      });
    },
  );

  it('the link follows the student', async () => {
    const { store, persistence } = await open('lesson=majority&step=2&lang=zh');
    expect(persistence.query).toMatch(/^lesson=majority&step=2&lang=zh/);
    await store.getState().previousStep();
    expect(persistence.query).toMatch(/^lesson=majority&step=1&/);
  });
});

describe('walking a lesson', () => {
  it('plays a step to its end, answers a prediction, goes on in place and back exactly', async () => {
    const { store, scheduler } = await open('lesson=majority&step=2');
    const lesson = () => store.getState().lesson!;
    expect(lesson().phase).toBe('playing');
    expect(await playUntil(store, scheduler, () => lesson().phase === 'done')).toBe(true);
    expect(store.getState().playing).toBe(false);

    await store.getState().nextStep();
    expect(lesson()).toMatchObject({ step: 2, phase: 'ask' });
    expect(store.getState().traceHash).toBe(await headlessHash('majority', 2));

    store.getState().answerPrediction('not an answer');
    expect(lesson().phase).toBe('ask');
    store.getState().answerPrediction('no');
    expect(lesson()).toMatchObject({ phase: 'playing', answer: 'no' });
    expect(await playUntil(store, scheduler, () => lesson().phase === 'done')).toBe(true);
    // The reveal reads what the simulation did, whatever the student picked.
    expect(lesson().happened).toBe('yes');

    await store.getState().previousStep();
    expect(lesson()).toMatchObject({ step: 1 });
    expect(store.getState().traceHash).toBe(await headlessHash('majority', 1));
  });

  it('a student action makes Next rebuild the next step instead of going on', async () => {
    const { store } = await open('lesson=majority&step=2');
    const leader = store.getState().lesson!.names.chief!;
    const other = leader === 1 ? 2 : 1;
    await store.getState().crashNode(other);
    await store.getState().nextStep();
    expect(store.getState().traceHash).toBe(await headlessHash('majority', 2));
  });

  it('a "your turn" task is solved live by the student', async () => {
    const last = lessonById('majority')!.steps.length;
    const { store, scheduler } = await open(`lesson=majority&step=${last}`);
    const lesson = () => store.getState().lesson!;
    expect(lesson().phase).toBe('task');
    const crashed = store
      .getState()
      .history.last()!
      .nodes.filter((n) => !n.alive)
      .map((n) => n.id);
    await store.getState().restartNode(crashed[0]!);
    expect(await playUntil(store, scheduler, () => lesson().phase === 'solved')).toBe(true);
    expect(store.getState().progress.majority).toEqual({ reached: last - 1, done: true });
  });

  it('"Show me" plays the known solution', async () => {
    const last = lessonById('majority')!.steps.length;
    const { store, scheduler } = await open(`lesson=majority&step=${last}`);
    await store.getState().showSolution();
    expect(store.getState().lesson!.shown).toBe(true);
    expect(
      await playUntil(store, scheduler, () => store.getState().lesson!.phase === 'solved'),
    ).toBe(true);
  });

  it('Explore from here leaves the lesson with the cluster exactly as it is', async () => {
    const { store, persistence } = await open('lesson=majority&step=3');
    const hash = store.getState().traceHash;
    store.getState().exploreFromHere();
    expect(store.getState().lesson).toBeNull();
    expect(store.getState().traceHash).toBe(hash);
    expect(persistence.query).toMatch(/^n=5&seed=1&/);
  });
});

describe('a student who does not wait', () => {
  it('Back pressed while Next is still going on lands on the previous step, built exactly', async () => {
    const { store, scheduler } = await open('lesson=majority&step=2');
    await playUntil(store, scheduler, () => store.getState().lesson!.phase === 'done');
    const going = store.getState().nextStep();
    const back = store.getState().previousStep();
    await Promise.all([going, back]);
    await settle(store);
    expect(store.getState().lesson).toMatchObject({ step: 0 });
    expect(store.getState().lesson!.phase).not.toBe('building');
    expect(store.getState().traceHash).toBe(await headlessHash('majority', 0));
  });

  it('another lesson opened while Next is going on wins, whole', async () => {
    const { store, scheduler } = await open('lesson=majority&step=2');
    await playUntil(store, scheduler, () => store.getState().lesson!.phase === 'done');
    const going = store.getState().nextStep();
    const other = store.getState().openLesson('election', 1);
    await Promise.all([going, other]);
    await settle(store);
    expect(store.getState().lesson).toMatchObject({ id: 'election', step: 1 });
    expect(store.getState().lesson!.phase).not.toBe('building');
    expect(store.getState().traceHash).toBe(await headlessHash('election', 1));
  });

  it('a world played on before the answer makes Next rebuild the next step', async () => {
    const { store, scheduler } = await open('lesson=majority&step=3');
    expect(store.getState().lesson!.phase).toBe('ask');
    store.getState().setSpeed(1000);
    store.getState().play();
    for (let i = 0; i < 5; i++) {
      scheduler.frame(100);
      await settle(store);
    }
    store.getState().pause();
    store.getState().answerPrediction('yes');
    await playUntil(store, scheduler, () => store.getState().lesson!.phase === 'done');
    await store.getState().nextStep();
    expect(store.getState().traceHash).toBe(await headlessHash('majority', 3));
  });

  it.each([
    ['an unknown id', 'nope'],
    ['a prototype key', '__proto__'],
    ['an object without a prototype', Object.create(null) as never],
    ['a number', 7 as never],
  ])('openLesson with %s says so and changes nothing', async (_, id) => {
    const { store } = await open('n=3&seed=7');
    const before = store.getState().traceHash;
    await store.getState().openLesson(id);
    expect(store.getState().lesson).toBeNull();
    expect(store.getState().notice?.key).toBe('course.unknownLesson');
    expect(store.getState().traceHash).toBe(before);
  });
});

describe('a step that cannot be built', () => {
  it('leaves the lesson with a notice instead of waiting forever', async () => {
    const store = createLabStore({
      runtime: () => Promise.reject(new Error('no workers here')),
      scheduler: new ManualScheduler(),
      persistence: memoryPersistence('lesson=majority&step=2'),
    });
    await store.getState().start();
    await settle(store);
    expect(store.getState().lesson).toBeNull();
    expect(store.getState().status).toBe('error');
    expect(store.getState().notice?.kind).toBe('error');
  });
});

describe('saved progress', () => {
  it('is kept per lesson and read back', async () => {
    const { store, persistence } = await open('lesson=majority&step=2');
    expect(JSON.parse(persistence.load(PROGRESS_KEY)!)).toEqual({
      majority: { reached: 1, done: false },
    });
    expect(store.getState().progress).toEqual({ majority: { reached: 1, done: false } });
  });

  it.each([
    ['not JSON', '{'],
    ['a list', '[1]'],
    ['null', 'null'],
    ['an unknown lesson', '{"nope":{"reached":0,"done":false}}'],
    ['a prototype key', '{"__proto__":{"reached":0,"done":false}}'],
    ['a negative step', '{"majority":{"reached":-1,"done":false}}'],
    ['a fractional step', '{"majority":{"reached":1.5,"done":false}}'],
    ['a step past the end', '{"majority":{"reached":99,"done":false}}'],
    ['NaN as text', '{"majority":{"reached":"NaN","done":false}}'],
    ['done as text', '{"majority":{"reached":0,"done":"yes"}}'],
  ])('ignores %s', (_, raw) => {
    expect(readProgress(raw)).toEqual({});
  });

  it('keeps the good entries beside bad ones', () => {
    const first = LESSONS[0]!.id;
    expect(readProgress(`{"${first}":{"reached":1,"done":true},"x":1}`)).toEqual({
      [first]: { reached: 1, done: true },
    });
  });
});
