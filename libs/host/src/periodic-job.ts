import type { BackgroundJob } from './service-module';

export interface PeriodicJob extends BackgroundJob {
  /** One pass now (tests, and the first pass at start); joins a pass already running. */
  runOnce(): Promise<void>;
}

/**
 * Work on a timer: a first pass as soon as the job starts (an hourly job in a service redeployed
 * more often than hourly would otherwise never run), then every `intervalMs`, one pass at a time. A tick that finds the previous pass still
 * going joins it rather than queueing another; a failing pass (the database away) goes to `onError`
 * and the next tick tries again; `stop` waits for the pass in progress.
 */
export function periodicJob(
  name: string,
  pass: () => Promise<void>,
  intervalMs: number,
  onError: (error: unknown) => void,
): PeriodicJob {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const guarded = async () => {
    try {
      await pass();
    } catch (error) {
      onError(error);
    }
  };
  const runOnce = () => {
    running ??= guarded().finally(() => {
      running = undefined;
    });
    return running;
  };
  return {
    name,
    runOnce,
    start() {
      if (timer) return;
      timer = setInterval(() => void runOnce(), intervalMs);
      timer.unref();
      void runOnce();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}
