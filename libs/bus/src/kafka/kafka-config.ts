import type { ConnectionOptions } from 'node:tls';
import type { KafkaConfig } from 'kafkajs';
import type { BusLogger } from '../bus-logger';
import { silentLogger } from '../bus-logger';
import type { RetryOptions } from '../delivery/retry-policy';
import { kafkaLogBridge, kafkajsLevel, type KafkaLogLevel } from './kafka-log-bridge';

export interface KafkaConnectionConfig {
  clientId: string;
  brokers: string[];
  ssl?: boolean | ConnectionOptions;
  sasl?: { mechanism: 'scram-sha-512'; username: string; password: string };
  logger?: BusLogger;
  /** kafkajs messages at this level and above reach `logger` (default 'warn'). */
  logLevel?: KafkaLogLevel;
}

/** Consumer group timings; the defaults are kafkajs's. Tests shorten them. */
export interface KafkaConsumerTimings {
  sessionTimeout?: number;
  heartbeatInterval?: number;
  rebalanceTimeout?: number;
  maxWaitTimeInMs?: number;
}

export interface KafkaEventBusConfig extends KafkaConnectionConfig, RetryOptions {
  consumer?: KafkaConsumerTimings;
  /** How long subscribe() waits for the consumer to join its group (default 30 s). */
  joinTimeoutMs?: number;
  /** How long ready() waits for the cluster to answer (default 3 s). */
  readyTimeoutMs?: number;
  /**
   * Offsets of handled messages are committed at the end of each fetched batch, after a dead letter,
   * and at least this often within a long batch (default 500 ms): the most a crash can make us redo.
   */
  commitIntervalMs?: number;
}

export function kafkaClientConfig(config: KafkaConnectionConfig): KafkaConfig {
  return {
    clientId: config.clientId,
    brokers: config.brokers,
    ...(config.ssl === undefined ? {} : { ssl: config.ssl }),
    ...(config.sasl === undefined ? {} : { sasl: config.sasl }),
    logLevel: kafkajsLevel(config.logLevel ?? 'warn'),
    logCreator: kafkaLogBridge(config.logger ?? silentLogger),
  };
}
