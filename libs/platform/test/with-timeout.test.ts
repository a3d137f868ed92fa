import { withTimeout } from '../src';

class Late extends Error {}

describe('withTimeout', () => {
  it('gives the value of a promise that settles in time', async () => {
    await expect(withTimeout(Promise.resolve(7), 1_000, 'too slow')).resolves.toBe(7);
  });

  it('rejects with an Error of the message given, or the error made, once the time is up', async () => {
    const never = new Promise<never>(() => undefined);
    await expect(withTimeout(never, 10, 'Kafka did not answer')).rejects.toThrow('Kafka did not answer');
    await expect(withTimeout(never, 10, () => new Late())).rejects.toBeInstanceOf(Late);
  });

  it('passes on the promise’s own rejection', async () => {
    await expect(withTimeout(Promise.reject(new Error('refused')), 1_000, 'too slow')).rejects.toThrow(
      'refused',
    );
  });
});
