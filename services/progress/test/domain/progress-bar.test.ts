import { participantProgressOf, progressBarOf } from '../../src/domain/progress-bar';
import { ActivityMother } from '../mothers/activity-mother';

const { required, optional } = ActivityMother;

describe('a progress bar (L7: done / total of the counted activities)', () => {
  it('counts the required activities declared done', () => {
    const activities = [required('a'), required('b'), required('c'), required('d')];
    expect(progressBarOf(activities, new Set(['a', 'c']))).toEqual({ done: 2, total: 4, percent: 50 });
  });

  it('lists optional activities but never counts them, done or not', () => {
    const activities = [required('a'), optional('forum')];
    expect(progressBarOf(activities, new Set(['forum']))).toEqual({ done: 0, total: 1, percent: 0 });
    expect(participantProgressOf(activities, new Set(['forum'])).activities).toEqual([
      { ...required('a'), done: false },
      { ...optional('forum'), done: true },
    ]);
  });

  it('ignores marks of activities that are no longer in the list', () => {
    expect(progressBarOf([required('a'), required('b')], new Set(['a', 'removed']))).toEqual({
      done: 1,
      total: 2,
      percent: 50,
    });
  });

  it('answers 0 of 0 and 0 % for a course without activities, not a division error', () => {
    expect(progressBarOf([], new Set(['anything']))).toEqual({ done: 0, total: 0, percent: 0 });
  });

  it('answers 0 of 0 when every activity is optional', () => {
    expect(progressBarOf([optional('x')], new Set(['x']))).toEqual({ done: 0, total: 0, percent: 0 });
  });

  it('rounds down, so that only a complete bar shows 100 %', () => {
    const three = [required('a'), required('b'), required('c')];
    expect(progressBarOf(three, new Set(['a', 'b'])).percent).toBe(66);
    expect(progressBarOf(three, new Set(['a', 'b', 'c'])).percent).toBe(100);
  });
});
