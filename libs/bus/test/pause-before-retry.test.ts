import { jest } from '@jest/globals';
import { pauseBeforeRetry } from '../src/delivery/pause-before-retry';

describe('pauseBeforeRetry', () => {
  it('waits, heartbeating, then tells the caller to retry', async () => {
    const heartbeat = jest.fn(async () => undefined);

    await expect(pauseBeforeRetry(5, { heartbeat })).resolves.toBe(true);

    expect(heartbeat).toHaveBeenCalled();
  });

  // A minute-long wait that ends at once: had the stop not been honoured, the test would time out.
  it('gives up a long wait as soon as the consumer stops', async () => {
    let stopping = false;
    const heartbeat = jest.fn(async () => {
      stopping = true;
    });

    await expect(pauseBeforeRetry(60_000, { heartbeat, isStopping: () => stopping })).resolves.toBe(false);
  });

  it('gives up at once when the consumer already died', async () => {
    const heartbeat = jest.fn(async () => undefined);

    await expect(pauseBeforeRetry(60_000, { heartbeat, isAbandoned: () => true })).resolves.toBe(false);
    expect(heartbeat).not.toHaveBeenCalled();
  });

  it('rejects when a heartbeat says the partition is lost', async () => {
    const lost = new Error('The group is rebalancing');

    await expect(
      pauseBeforeRetry(60_000, {
        heartbeat: async () => {
          throw lost;
        },
      }),
    ).rejects.toBe(lost);
  });
});
