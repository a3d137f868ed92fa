import { z } from 'zod';
import { ConfigError, booleanFlag, commaSeparatedList, loadConfig, oneOf, portNumber, url } from '../src';

const schema = z.object({
  KAFKA_BROKERS: commaSeparatedList('a comma-separated list of host:port'),
  MONGO_URL: url('the MongoDB connection URL, e.g. mongodb://host:27017/relais'),
  PORT: portNumber().default(8080),
  LOG_LEVEL: oneOf(['debug', 'info', 'warn', 'error']).default('info'),
  OUTBOX_ENABLED: booleanFlag().default(true),
});

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(schema, env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('loadConfig accepted an invalid environment');
}

describe('loadConfig', () => {
  it('returns typed, converted values and applies defaults', () => {
    const config = loadConfig(schema, {
      KAFKA_BROKERS: 'kafka-0:9092, kafka-1:9092,',
      MONGO_URL: 'mongodb://mongo:27017/relais',
      OUTBOX_ENABLED: 'No',
    });
    expect(config).toEqual({
      KAFKA_BROKERS: ['kafka-0:9092', 'kafka-1:9092'],
      MONGO_URL: 'mongodb://mongo:27017/relais',
      PORT: 8080,
      LOG_LEVEL: 'info',
      OUTBOX_ENABLED: false,
    });
  });

  it('names every missing variable with what is expected, one per line', () => {
    const error = configError({});
    expect(error.message.split('\n')).toEqual([
      'Invalid configuration:',
      'KAFKA_BROKERS is missing: a comma-separated list of host:port',
      'MONGO_URL is missing: the MongoDB connection URL, e.g. mongodb://host:27017/relais',
    ]);
  });

  it('treats an empty variable as missing', () => {
    expect(configError({ KAFKA_BROKERS: '', MONGO_URL: 'http://m' }).message).toContain(
      'KAFKA_BROKERS is missing: a comma-separated list of host:port',
    );
  });

  it('says what is wrong with each invalid value without echoing it', () => {
    const error = configError({
      KAFKA_BROKERS: ' , ',
      MONGO_URL: 'not-a-url-s3cret',
      PORT: '70000',
      LOG_LEVEL: 'verbose',
      OUTBOX_ENABLED: 'maybe',
    });
    const lines = error.message.split('\n');
    expect(lines).toHaveLength(6);
    expect(lines).toContain('KAFKA_BROKERS is invalid (an empty list): a comma-separated list of host:port');
    expect(lines).toContain(
      'MONGO_URL is invalid (not an absolute URL): the MongoDB connection URL, e.g. mongodb://host:27017/relais',
    );
    expect(lines).toContain('PORT is invalid (above 65535): a TCP port number between 1 and 65535');
    expect(lines).toContain(
      'LOG_LEVEL is invalid (not one of debug, info, warn, error): one of: debug, info, warn, error',
    );
    expect(lines).toContain(
      'OUTBOX_ENABLED is invalid (not true/false (or 1/0, yes/no, on/off)): true or false',
    );
    expect(error.message).not.toContain('s3cret');
    expect(error.problems.map((problem) => problem.variable)).toEqual([
      'KAFKA_BROKERS',
      'MONGO_URL',
      'PORT',
      'LOG_LEVEL',
      'OUTBOX_ENABLED',
    ]);
  });

  it('rejects a port that is not a whole number', () => {
    expect(configError({ KAFKA_BROKERS: 'k:1', MONGO_URL: 'http://m', PORT: '80.5' }).message).toContain(
      'PORT is invalid (not a whole number)',
    );
  });

  it('reads process.env by default and ignores variables the schema does not name', () => {
    const previous = process.env.RELAIS_TEST_PORT;
    process.env.RELAIS_TEST_PORT = '9090';
    try {
      expect(loadConfig(z.object({ RELAIS_TEST_PORT: portNumber() }))).toEqual({ RELAIS_TEST_PORT: 9090 });
    } finally {
      if (previous === undefined) delete process.env.RELAIS_TEST_PORT;
      else process.env.RELAIS_TEST_PORT = previous;
    }
  });
});
