import { Writable } from 'node:stream';
import { consoleOutput } from '../src/console-output';

function terminal(isTTY: boolean) {
  let text = '';
  const stream = Object.assign(
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        text += String(chunk);
        done();
      },
    }),
    { isTTY },
  );
  return { stream, text: () => text };
}

const serviceLine = JSON.stringify({
  level: 'info',
  time: '2026-12-07T01:02:03.456Z',
  service: 'progress',
  pid: 42,
  hostname: 'laptop',
  msg: 'relais-progress is listening on port 8082',
});

describe('what start:services prints', () => {
  it('prints readable lines on a terminal', () => {
    const { stream, text } = terminal(true);
    const output = consoleOutput(stream);
    output.printServiceLine(serviceLine);
    output.logger.error('relais-stats died (exit code 1); restarting in 500 ms');
    const printed = text();
    expect(printed).toContain('[progress] relais-progress is listening on port 8082');
    expect(printed).toContain('[local-cluster] relais-stats died (exit code 1); restarting in 500 ms');
    expect(printed).not.toContain('"service"');
    expect(printed).not.toContain('laptop');
  });

  it('keeps what is not JSON as it came', () => {
    const { stream, text } = terminal(true);
    consoleOutput(stream).printServiceLine('    at main (file:///main.ts:1:1)');
    expect(text()).toBe('    at main (file:///main.ts:1:1)\n');
  });

  it('passes the services’ JSON lines through unchanged when the output is not a terminal', () => {
    const { stream, text } = terminal(false);
    consoleOutput(stream).printServiceLine(serviceLine);
    expect(text()).toBe(`${serviceLine}\n`);
  });
});
