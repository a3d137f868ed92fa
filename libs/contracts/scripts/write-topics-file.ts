/** Writes deploy/kafka/topics.txt from the contracts (docs/adding-an-event.md). */
import { writeFileSync } from 'node:fs';
import { topicsFilePath, topicsFileText } from './topics-file';

writeFileSync(topicsFilePath, topicsFileText());
console.log(`wrote ${topicsFilePath}`);
