/**
 * `npm run stats:rebuild`: every stats table again from the beginning of the facts topics, into a
 * fresh generation swapped in at the end (ADR 0011). Stop the stats service first: the command
 * refuses to run while the `stats` consumer group has members.
 */
import { Kafka } from 'kafkajs';
import { SingleBar, Presets } from 'cli-progress';
import { z } from 'zod';
import { KafkaEventBus } from '@relais/bus';
import { booleanFlag, commaSeparatedList, ConfigError, createLogger, loadConfig } from '@relais/platform';
import { connectMongo, ensureIndexes, isMongoOutage, redactUrl } from '@relais/store';
import { MongoTallyStore, tallyModels } from './infrastructure/mongo/mongo-tally-store';
import { rebuildTables, type RebuildProgress } from './rebuild-tables';
import { KafkaFactsReplay } from './infrastructure/kafka/facts-replay';

// A command-line tool: its output is for the person running it, not a log.
const print = (line: string) => process.stdout.write(`${line}\n`);
const printError = (line: string) => process.stderr.write(`${line}\n`);

const rebuildConfig = z.object({
  MONGO_URL: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'a mongodb:// URL')
    .describe("the stats service's MongoDB, a mongodb:// URL"),
  MONGO_DB: z.string().min(1).default('relais-stats'),
  KAFKA_BROKERS: commaSeparatedList('a comma-separated list of Kafka brokers host:port'),
  KAFKA_SSL: booleanFlag().default(false),
  KAFKA_SASL_USERNAME: z.string().min(1).optional(),
  KAFKA_SASL_PASSWORD: z.string().min(1).optional(),
});

function configOrExit(): z.output<typeof rebuildConfig> {
  try {
    return loadConfig(rebuildConfig);
  } catch (error) {
    // The message names each variable and what it expects: a stack trace would only bury it.
    if (!(error instanceof ConfigError)) throw error;
    printError(error.message);
    process.exit(1);
  }
}

const config = configOrExit();
const logger = createLogger({ service: 'stats-rebuild', level: 'warn' });
const connection = {
  clientId: 'relais-stats-rebuild',
  brokers: config.KAFKA_BROKERS,
  ...(config.KAFKA_SSL ? { ssl: true } : {}),
  ...(config.KAFKA_SASL_USERNAME && config.KAFKA_SASL_PASSWORD
    ? {
        sasl: {
          mechanism: 'scram-sha-512' as const,
          username: config.KAFKA_SASL_USERNAME,
          password: config.KAFKA_SASL_PASSWORD,
        },
      }
    : {}),
};

/** A bar on a terminal; a line every tenth of the way in a log. */
function progressReporter(): RebuildProgress {
  if (process.stdout.isTTY) {
    const bar = new SingleBar(
      { format: 'rebuilding stats {bar} {percentage}% {value}/{total} facts' },
      Presets.shades_classic,
    );
    return { start: (total) => bar.start(total, 0), advance: () => bar.increment(), stop: () => bar.stop() };
  }
  let total = 0;
  let done = 0;
  let reported = 0;
  return {
    start: (count) => {
      total = count;
      print(`rebuilding stats from ${count} facts`);
    },
    advance: () => {
      done += 1;
      const tenth = total === 0 ? 10 : Math.floor((done * 10) / total);
      if (tenth > reported) {
        reported = tenth;
        print(`rebuilding stats: ${Math.min(100, tenth * 10)}% (${done}/${total} facts)`);
      }
    },
    stop: () => print(`rebuilt from ${done} facts`),
  };
}

const admin = new Kafka({ ...connection, logLevel: 0 }).admin();
await admin.connect();
const replay = new KafkaFactsReplay(admin);
if (await replay.hasMembers('stats')) {
  printError('The stats consumers are running: stop the stats service, then rebuild (ADR 0011).');
  await admin.disconnect();
  process.exit(1);
}
const mongo = await connectMongo({
  url: config.MONGO_URL,
  dbName: config.MONGO_DB,
  appName: 'relais-stats-rebuild',
}).catch((error: unknown) => {
  printError(`MongoDB is unreachable at ${redactUrl(config.MONGO_URL)}.`);
  throw error;
});
const store = new MongoTallyStore(tallyModels(mongo));
await ensureIndexes(mongo);
const bus = new KafkaEventBus({ ...connection, logger, isTransient: isMongoOutage });
// Under `stats.`: the prefix the stats principal's ACLs allow (deploy/kafka).
const groupPrefix = `stats.rebuild-${Date.now()}`;
const end = await replay.endNow();
try {
  const result = await rebuildTables({
    store,
    bus,
    groupPrefix,
    total: end.total,
    untilReplayed: () => replay.untilCommitted(groupPrefix, end),
    progress: progressReporter(),
  });
  print(`stats tables rebuilt: generation ${result.generation} is now active`);
} finally {
  await bus.close();
  await replay.forget(groupPrefix).catch(() => undefined);
  await admin.disconnect();
  await mongo.close();
}
