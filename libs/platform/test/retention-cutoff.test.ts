import { describe, expect, it } from '@jest/globals';
import { dayOf, retentionCutoff, retentionRuleOf, type PersonalDataKind, type RetentionRule } from '../src';

describe('retentionCutoff', () => {
  it('counts calendar months back from today', () => {
    expect(retentionCutoff('directMessages', '2031-06-15')).toBe('2030-06-15');
    expect(retentionCutoff('namedFeedback', '2031-06-15')).toBe('2029-06-15');
    expect(retentionCutoff('trainingRecord', '2031-06-15')).toBe('2025-06-15');
    expect(retentionCutoff('notices', '2031-01-10')).toBe('2030-07-10');
  });

  it('clamps to the last day of a shorter month', () => {
    expect(retentionCutoff('mailQueue', '2031-03-31')).toBe('2031-02-28');
    expect(retentionCutoff('mailQueue', '2032-03-31')).toBe('2032-02-29');
  });

  it('keeps today for the rules that count no months', () => {
    expect(retentionCutoff('dailyQuota', '2031-06-15')).toBe('2031-06-15');
  });

  it('refuses what is not a day', () => {
    expect(() => retentionCutoff('notices', '15/06/2031')).toThrow(/not a day/);
  });

  it('reads today in UTC from the clock it is given', () => {
    expect(dayOf(new Date('2031-06-15T23:30:00Z'))).toBe('2031-06-15');
  });
});

describe('retentionRuleOf', () => {
  const field = (retention: RetentionRule) => ({
    label: '',
    purpose: '',
    legalBasis: 'publicTask' as const,
    retention,
  });
  const kind = (name: string, fields: Record<string, RetentionRule>): PersonalDataKind => ({
    kind: name,
    label: '',
    fields: Object.fromEntries(Object.entries(fields).map(([key, rule]) => [key, field(rule)])),
  });

  it('gives the one rule the fields of one or several kinds share', () => {
    expect(retentionRuleOf(kind('marks', { courseId: 'progressMarks', done: 'progressMarks' }))).toBe(
      'progressMarks',
    );
    expect(retentionRuleOf([kind('a', { x: 'trainingRecord' }), kind('b', { y: 'trainingRecord' })])).toBe(
      'trainingRecord',
    );
  });

  it('leaves out the fields with a shorter rule of their own', () => {
    const items = kind('items', { text: 'namedFeedback', pendingEvents: 'pendingDelivery' });
    expect(() => retentionRuleOf(items)).toThrow(/namedFeedback, pendingDelivery; give them one rule/);
    expect(retentionRuleOf(items, { except: ['pendingEvents'] })).toBe('namedFeedback');
  });

  it('refuses kinds that declare no field', () => {
    expect(() => retentionRuleOf(kind('empty', {}))).toThrow(/declare none/);
  });
});
