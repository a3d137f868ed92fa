import { logLevel, type logCreator } from 'kafkajs';
import type { BusLogger } from '../bus-logger';

export type KafkaLogLevel = 'error' | 'warn' | 'info' | 'debug';

const KAFKAJS_LEVELS: Record<KafkaLogLevel, logLevel> = {
  error: logLevel.ERROR,
  warn: logLevel.WARN,
  info: logLevel.INFO,
  debug: logLevel.DEBUG,
};

export function kafkajsLevel(level: KafkaLogLevel): logLevel {
  return KAFKAJS_LEVELS[level];
}

/**
 * Only these fields of a kafkajs log entry are passed on: they locate a problem (which broker, group,
 * topic, partition) and never carry a message key or payload. Everything else, stacks included, is
 * dropped rather than trusted.
 */
const FORWARDED_FIELDS = [
  'broker',
  'clientId',
  'groupId',
  'memberId',
  'topic',
  'partition',
  'offset',
  'retryCount',
  'retryTime',
  'correlationId',
] as const;
const MAX_ERROR_LENGTH = 300;

export function kafkaLogBridge(logger: BusLogger): logCreator {
  return () =>
    ({ namespace, level, log }) => {
      const fields: Record<string, unknown> = { kafkajs: namespace };
      for (const name of FORWARDED_FIELDS) {
        if (log[name] !== undefined) fields[name] = log[name];
      }
      if (typeof log.error === 'string') fields.error = log.error.slice(0, MAX_ERROR_LENGTH);
      const message = String(log.message);
      if (level === logLevel.ERROR) logger.error(fields, message);
      else if (level === logLevel.WARN) logger.warn(fields, message);
      else if (level === logLevel.INFO) logger.info(fields, message);
      else logger.debug(fields, message);
    };
}
