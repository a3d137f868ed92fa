import { jest } from '@jest/globals';
import { describeEventBusContract } from '@relais/bus/testing';
import { KafkaEventBus } from '../src/kafka/kafka-event-bus';
import { kafkaContractHarness } from './support/kafka-contract-harness';
import { kafkaBrokersFromEnvironment } from './support/kafka-test-environment';

// The integration project's testTimeout is not applied per project by jest; consumer groups need more than 5 s.
jest.setTimeout(60_000);

const brokers = kafkaBrokersFromEnvironment();

describeEventBusContract('kafka', async () => kafkaContractHarness(brokers));

describe('KafkaEventBus', () => {
  it('is not ready when no broker answers', async () => {
    const bus = new KafkaEventBus({
      clientId: 'bus-unreachable',
      brokers: ['127.0.0.1:1'],
      readyTimeoutMs: 1_000,
    });
    try {
      await expect(bus.ready()).rejects.toThrow();
    } finally {
      await bus.close();
    }
  });
});
