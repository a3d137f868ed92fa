import { InMemoryDocuments, redactUrl } from '../src/index';

describe('InMemoryDocuments', () => {
  it('copies documents in and out, so stored state cannot be mutated by accident', () => {
    const documents = new InMemoryDocuments<{ names: string[] }>();
    const original = { names: ['a'] };
    documents.set('1', original);
    original.names.push('b');
    const read = documents.get('1');
    read?.names.push('c');
    expect(documents.get('1')).toEqual({ names: ['a'] });
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
