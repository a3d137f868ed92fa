import { feedbackCategory } from '@relais/contracts';
import { DomainError } from '../../src/domain/domain-error';
import {
  addReply,
  changeStatus,
  daysBetween,
  feedbackCategories,
  intensityBandOf,
  trainerReadingOrder,
  type FeedbackStatus,
  type ItemRole,
} from '../../src/domain/feedback-item';
import { FeedbackItemMother, ReplyMother } from '../mothers/feedback-item-mother';

describe('status transitions (ADR 0009)', () => {
  const cases: [ItemRole, FeedbackStatus, FeedbackStatus, FeedbackStatus | string][] = [
    ['trainer', 'open', 'acknowledged', 'acknowledged'],
    ['trainer', 'open', 'addressed', 'addressed'],
    ['trainer', 'acknowledged', 'addressed', 'addressed'],
    ['trainer', 'acknowledged', 'open', 'INVALID_STATUS_TRANSITION'],
    ['trainer', 'addressed', 'open', 'INVALID_STATUS_TRANSITION'],
    ['trainer', 'addressed', 'acknowledged', 'INVALID_STATUS_TRANSITION'],
    ['trainer', 'acknowledged', 'acknowledged', 'acknowledged'],
    ['author', 'addressed', 'open', 'open'],
    ['author', 'acknowledged', 'open', 'INVALID_STATUS_TRANSITION'],
    ['author', 'open', 'open', 'open'],
    ['author', 'open', 'acknowledged', 'STATUS_RESERVED_TO_TRAINERS'],
    ['author', 'acknowledged', 'addressed', 'STATUS_RESERVED_TO_TRAINERS'],
  ];

  it.each(cases)('%s: %s → %s gives %s', (role, from, to, expected) => {
    const item = FeedbackItemMother.anonymous({ status: from });
    const attempt = () => changeStatus(item, to, role);
    if (expected.includes('_')) {
      expect(attempt).toThrow(DomainError);
      expect(() => attempt()).toThrow(expect.objectContaining({ code: expected }) as Error);
    } else {
      expect(attempt().status).toBe(expected);
    }
  });
});

describe('replies', () => {
  it('measures the first trainer reply in whole days and acknowledges an open item', () => {
    const item = FeedbackItemMother.anonymous({ postedOn: '2026-11-02' });
    const outcome = addReply(item, ReplyMother.byTrainer({ postedOn: '2026-11-04' }));
    expect(outcome.daysToFirstReply).toBe(2);
    expect(outcome.item).toMatchObject({ status: 'acknowledged', firstTrainerReplyOn: '2026-11-04' });
    expect(outcome.item.replies).toHaveLength(1);
  });

  it('measures only the first trainer reply, and keeps an addressed item addressed', () => {
    const replied = addReply(
      FeedbackItemMother.anonymous({ status: 'addressed' }),
      ReplyMother.byTrainer({ postedOn: '2026-11-03' }),
    ).item;
    const again = addReply(replied, ReplyMother.byTrainer({ postedOn: '2026-11-09' }));
    expect(again.daysToFirstReply).toBeUndefined();
    expect(again.item).toMatchObject({ status: 'addressed', firstTrainerReplyOn: '2026-11-03' });
  });

  it('lets the author reply without touching status or responsiveness', () => {
    const outcome = addReply(FeedbackItemMother.anonymous(), ReplyMother.byAuthor());
    expect(outcome.daysToFirstReply).toBeUndefined();
    expect(outcome.item.status).toBe('open');
    expect(outcome.item.firstTrainerReplyOn).toBeUndefined();
  });
});

describe('measures and order', () => {
  it('counts calendar days across months and never below zero', () => {
    expect(daysBetween('2026-10-30', '2026-11-02')).toBe(3);
    expect(daysBetween('2026-11-02', '2026-11-02')).toBe(0);
    expect(daysBetween('2026-11-03', '2026-11-02')).toBe(0);
  });

  it.each([
    [1, 'low'],
    [2, 'low'],
    [3, 'medium'],
    [4, 'high'],
    [5, 'high'],
  ])('intensity %i is in band %s', (intensity, band) => {
    expect(intensityBandOf(intensity)).toBe(band);
  });

  it('orders a trainer’s items by day, newest first, then by id, never by author or time of posting', () => {
    const a = FeedbackItemMother.anonymous({ id: 'b', postedOn: '2026-11-02' });
    const b = FeedbackItemMother.named({ id: 'a', postedOn: '2026-11-02' });
    const c = FeedbackItemMother.anonymous({ id: 'c', postedOn: '2026-11-05' });
    expect([a, b, c].sort(trainerReadingOrder).map((item) => item.id)).toEqual(['c', 'a', 'b']);
  });

  it('offers exactly the categories of the fact contract', () => {
    expect([...feedbackCategories]).toEqual(feedbackCategory.options);
  });
});
