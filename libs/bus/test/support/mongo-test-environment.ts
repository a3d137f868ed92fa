/** The MongoDB-compatible server of the integration infrastructure; missing is an error, never a skip. */
export function mongoUrlFromEnvironment(): string {
  const url = process.env.MONGO_URL;
  if (!url) {
    throw new Error(
      'MONGO_URL is not set. Run the integration project (npm run test:int), whose global setup finds ' +
        'or starts a MongoDB-compatible server, or set MONGO_URL=mongodb://host:port/database yourself.',
    );
  }
  return url;
}
