/** The brokers of the integration infrastructure; a missing variable is an error, never a skip. */
export function kafkaBrokersFromEnvironment(): string[] {
  const brokers = process.env.KAFKA_BROKERS;
  if (!brokers) {
    throw new Error(
      'KAFKA_BROKERS is not set. Run the integration project (npm run test:int), whose global setup ' +
        'finds or starts Kafka, or set KAFKA_BROKERS=host:port[,host:port] yourself.',
    );
  }
  return brokers.split(',').map((broker) => broker.trim());
}
