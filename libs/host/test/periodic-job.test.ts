import { describe, expect, it } from '@jest/globals';
import { periodicJob } from '../src';

describe('periodicJob', () => {
  it('joins a pass already running instead of starting a second one', async () => {
    let passes = 0;
    let release: () => void = () => undefined;
    const job = periodicJob(
      'test',
      () => {
        passes += 1;
        return new Promise<void>((resolve) => {
          release = resolve;
        });
      },
      60_000,
      () => undefined,
    );

    const first = job.runOnce();
    const second = job.runOnce();
    release();
    await Promise.all([first, second]);

    expect(passes).toBe(1);
  });

  it('hands a failing pass to onError and runs again on the next call', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const job = periodicJob(
      'test',
      async () => {
        calls += 1;
        if (calls === 1) throw new Error('database away');
      },
      60_000,
      (error) => errors.push(error),
    );

    await job.runOnce();
    await job.runOnce();

    expect(errors).toHaveLength(1);
    expect(calls).toBe(2);
  });

  it('runs a first pass as soon as it starts, without waiting for the interval', async () => {
    let passes = 0;
    const job = periodicJob(
      'test',
      async () => {
        passes += 1;
      },
      3_600_000,
      () => undefined,
    );
    job.start();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await job.stop();

    expect(passes).toBe(1);
  });

  it('stops its timer and waits for the pass in progress', async () => {
    let finished = false;
    const job = periodicJob(
      'test',
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        finished = true;
      },
      5,
      () => undefined,
    );
    job.start();
    await new Promise((resolve) => setTimeout(resolve, 10));
    await job.stop();

    expect(finished).toBe(true);
  });
});
