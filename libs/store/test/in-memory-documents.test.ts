import { InMemoryDocuments, redactUrl } from '../src/index';

describe('InMemoryDocuments', () => {
  it('copies documents in, so a writer keeping its object cannot change stored state', () => {
    const documents = new InMemoryDocuments<{ names: string[] }>();
    const original = { names: ['a'] };
    documents.set('1', original);
    original.names.push('b');
    expect(documents.get('1')).toEqual({ names: ['a'] });
    expect(original.names).toEqual(['a', 'b']);
  });

  it('hands out stored documents frozen all the way down, so a reader cannot change them by accident', () => {
    const documents = new InMemoryDocuments<{ course: { names: string[] } }>();
    documents.set('1', { course: { names: ['a'] } });
    for (const read of [documents.get('1'), documents.find(() => true)[0], documents.all()[0]]) {
      expect(() => read?.course.names.push('c')).toThrow(/read.only|not extensible/);
      expect(() => {
        if (read) read.course = { names: [] };
      }).toThrow(/read.only|not extensible/);
    }
    expect(documents.get('1')).toEqual({ course: { names: ['a'] } });
  });

  it('freezes, when read, a document that an adapter sharing the map put there itself', () => {
    const shared = new Map<string, { outbox: string[] }>([['1', { outbox: ['e1'] }]]);
    const documents = new InMemoryDocuments(shared);
    expect(() => documents.get('1')?.outbox.push('e2')).toThrow(/read.only|not extensible/);
    expect(shared.get('1')).toEqual({ outbox: ['e1'] });
  });

  it('reads without copying: the same stored document until it is written again', () => {
    const documents = new InMemoryDocuments<{ n: number }>();
    documents.set('1', { n: 1 });
    expect(documents.get('1')).toBe(documents.get('1'));
    expect(documents.find(() => true)[0]).toBe(documents.get('1'));
    const before = documents.get('1');
    documents.update('1', (current) => (current ? { n: current.n + 1 } : undefined));
    expect(documents.get('1')).not.toBe(before);
    expect(before).toEqual({ n: 1 });
  });

  it('updates in one step and lets the change decline', () => {
    const documents = new InMemoryDocuments<{ n: number }>();
    documents.set('1', { n: 1 });
    expect(documents.update('1', (current) => (current ? { n: current.n + 1 } : undefined))).toEqual({
      n: 2,
    });
    expect(documents.update('2', (current) => (current ? { n: 0 } : undefined))).toBeUndefined();
    expect(documents.size).toBe(1);
  });
});

describe('redactUrl', () => {
  it('never shows credentials of a database URL', () => {
    expect(redactUrl('mongodb://relais:s3cret@db.example:27017/relais')).toBe(
      'mongodb://db.example:27017/relais',
    );
  });
});
