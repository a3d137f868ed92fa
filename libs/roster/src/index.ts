export * from './course-roster';
export * from './roster-store';
export * from './roster-changes';
export * from './roster-subscription';
export { InMemoryRosterStore } from './memory/in-memory-roster-store';
export { MongoRosterStore, rosterModel } from './mongo/mongo-roster-store';
export { rosterPersonalData, rosterRecordsOf } from './roster-personal-data';
