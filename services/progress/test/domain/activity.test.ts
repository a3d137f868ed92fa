import {
  checkActivityList,
  DuplicateActivityIds,
  EmptyActivityTitle,
  removedActivityIds,
} from '../../src/domain/activity';
import { ActivityMother } from '../mothers/activity-mother';

const { required, optional } = ActivityMother;

describe('an activity list', () => {
  it('keeps the trainers’ order and trims titles', () => {
    expect(checkActivityList([required('b', { title: '  Read  ' }), required('a')])).toEqual([
      required('b', { title: 'Read' }),
      required('a'),
    ]);
  });

  it('refuses repeated ids and names each of them once', () => {
    const check = () => checkActivityList([required('a'), required('a'), required('b'), optional('b')]);
    expect(check).toThrow(DuplicateActivityIds);
    expect(check).toThrow('repeated: a, b.');
  });

  it('refuses an empty or blank title', () => {
    expect(() => checkActivityList([required('a', { title: '   ' })])).toThrow(EmptyActivityTitle);
  });

  it('may be empty', () => {
    expect(checkActivityList([])).toEqual([]);
  });

  it('tells which ids a replacement removes', () => {
    expect(removedActivityIds([required('a'), required('b'), required('c')], [required('b')])).toEqual([
      'a',
      'c',
    ]);
    expect(removedActivityIds([required('a')], [required('a'), required('z')])).toEqual([]);
  });
});
