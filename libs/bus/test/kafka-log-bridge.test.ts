import { jest } from '@jest/globals';
import { logLevel } from 'kafkajs';
import type { BusLogger } from '../src/bus-logger';
import { decodeHeaders } from '../src/kafka/kafka-headers';
import { kafkaLogBridge } from '../src/kafka/kafka-log-bridge';

function recordingLogger() {
  return { debug: jest.fn(), info: jest.fn(), warn: jest.fn(), error: jest.fn() } satisfies BusLogger;
}

describe('kafkaLogBridge', () => {
  it('forwards at the matching level only the fields that locate the problem', () => {
    const logger = recordingLogger();
    const log = kafkaLogBridge(logger)(logLevel.WARN);

    log({
      namespace: 'Runner',
      level: logLevel.WARN,
      label: 'WARN',
      log: {
        timestamp: '2025-01-01T00:00:00.000Z',
        message: 'The group is rebalancing, re-joining',
        groupId: 'progress.roster',
        topic: 'enrollment.events.v1',
        partition: 2,
        key: 'user-42',
        value: '{"name":"Jeanne"}',
        stack: 'Error: at somewhere',
        error: 'The group is rebalancing',
      },
    });

    expect(logger.warn).toHaveBeenCalledWith(
      {
        kafkajs: 'Runner',
        groupId: 'progress.roster',
        topic: 'enrollment.events.v1',
        partition: 2,
        error: 'The group is rebalancing',
      },
      'The group is rebalancing, re-joining',
    );
    expect(logger.error).not.toHaveBeenCalled();
  });

  it.each([
    [logLevel.ERROR, 'error'],
    [logLevel.INFO, 'info'],
    [logLevel.DEBUG, 'debug'],
  ] as const)('maps kafkajs level %p to %s', (level, method) => {
    const logger = recordingLogger();
    kafkaLogBridge(logger)(level)({ namespace: 'n', level, label: '', log: { timestamp: '', message: 'm' } });
    expect(logger[method]).toHaveBeenCalledWith({ kafkajs: 'n' }, 'm');
  });
});

describe('decodeHeaders', () => {
  it('turns byte headers into strings, keeping the last of repeated ones', () => {
    expect(
      decodeHeaders({
        traceparent: Buffer.from('tp'),
        repeated: [Buffer.from('first'), 'last'],
        absent: undefined,
      }),
    ).toEqual({ traceparent: 'tp', repeated: 'last' });
  });
});
