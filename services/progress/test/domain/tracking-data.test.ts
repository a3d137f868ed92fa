import { namesTrackingData } from '../../src/domain/tracking-data';

describe('names of tracking data (L2)', () => {
  it.each([
    'timeSpent',
    'duration',
    'clicks',
    'views',
    'lastAccess',
    'time_spent',
    'timespent',
    'lastaccess',
    'connectionTime',
    'sessionId',
    'pagesViewed',
    'resourcesViewed',
    'lastSeen',
    'visitCount',
    'clickCount',
    'openedAt',
    'updatedAt',
    'ipAddress',
  ])('recognises %s', (name) => {
    expect(namesTrackingData(name)).toBe(true);
  });

  it.each(['done', 'id', 'title', 'kind', 'optional', 'courseId', 'userId', 'activityId', 'participants'])(
    'leaves %s alone',
    (name) => {
      expect(namesTrackingData(name)).toBe(false);
    },
  );
});
