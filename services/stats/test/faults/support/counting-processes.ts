import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/** A child process that prints `<word> <n>` as it goes, so that the test can pick its moment. */
export interface CountingProcess {
  count(): number;
  /** SIGKILL, then waits until it is gone. */
  kill(): Promise<void>;
}

/** Test scripts run with tsx in processes of their own; every one is killed when the test ends. */
export class CountingProcesses {
  private readonly children: ChildProcess[] = [];

  start(script: string, word: string, env: Record<string, string>): CountingProcess {
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    this.children.push(child);
    let count = 0;
    const progress = new RegExp(`${word} (\\d+)`, 'g');
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      for (const match of chunk.matchAll(progress)) count = Number(match[1]);
    });
    return {
      count: () => count,
      async kill() {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = once(child, 'exit');
        child.kill('SIGKILL');
        await exited;
      },
    };
  }

  killAll(): void {
    for (const child of this.children) child.kill('SIGKILL');
  }
}
