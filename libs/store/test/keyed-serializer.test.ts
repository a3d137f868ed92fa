import { KeyedSerializer } from '../src/index';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('KeyedSerializer', () => {
  it('runs tasks of one key one after the other, in order', async () => {
    const serializer = new KeyedSerializer();
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`start ${name}`);
      await tick();
      log.push(`end ${name}`);
      return name;
    };
    const results = await Promise.all([serializer.run('a', task('1')), serializer.run('a', task('2'))]);
    expect(results).toEqual(['1', '2']);
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2']);
  });

  it('runs tasks of different keys concurrently', async () => {
    const serializer = new KeyedSerializer();
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`start ${name}`);
      await tick();
      log.push(`end ${name}`);
    };
    await Promise.all([serializer.run('a', task('a')), serializer.run('b', task('b'))]);
    expect(log.slice(0, 2).sort()).toEqual(['start a', 'start b']);
  });

  it('keeps going after a failed task and reports the failure to its caller only', async () => {
    const serializer = new KeyedSerializer();
    const failed = serializer.run('a', async () => Promise.reject(new Error('boom')));
    const next = serializer.run('a', async () => 'next');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('next');
  });
});
