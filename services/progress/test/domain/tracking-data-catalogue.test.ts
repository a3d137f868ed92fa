import {
  namesTrackingData,
  refusedFieldNamesOf,
  trackingDataCatalogue,
  trackingStems,
  trackingWords,
  wordsOf,
} from '../../src/domain/tracking-data';

const categoriesNaming = (name: string, part: 'words' | 'stems') =>
  trackingDataCatalogue.filter((category) => category[part].includes(name)).map(({ category }) => category);

describe('what is not recorded, kind by kind (L2)', () => {
  it.each([...trackingWords])('the refused word %s belongs to exactly one kind', (word) => {
    expect({ word, categories: categoriesNaming(word, 'words').length }).toEqual({ word, categories: 1 });
  });

  it.each([...trackingStems])('the refused stem %s belongs to exactly one kind', (stem) => {
    expect({ stem, categories: categoriesNaming(stem, 'stems').length }).toEqual({ stem, categories: 1 });
  });

  it('writes every word as a field name splits into words, or it could never match', () => {
    const unmatchable = trackingDataCatalogue
      .flatMap((category) => category.words)
      .filter((word) => wordsOf(word).join(' ') !== word);
    expect(unmatchable).toEqual([]);
  });

  it('refuses every name a kind lists, as it is and within a longer name', () => {
    const names = trackingDataCatalogue.flatMap(refusedFieldNamesOf);
    const accepted = names.flatMap((name) =>
      [name, `${name}Count`, `my_${name}`].filter((n) => !namesTrackingData(n)),
    );
    expect(accepted).toEqual([]);
  });

  it('gives every kind a key of its own, a sentence and at least one name', () => {
    const keys = trackingDataCatalogue.map(({ category }) => category);
    expect(new Set(keys).size).toBe(keys.length);
    for (const category of trackingDataCatalogue) {
      expect({ key: category.category, label: category.label.trim().length > 0 }).toEqual({
        key: category.category,
        label: true,
      });
      expect({ key: category.category, names: refusedFieldNamesOf(category).length > 0 }).toEqual({
        key: category.category,
        names: true,
      });
    }
  });

  it('has a kind for each thing the ministry’s sentence names: connection time, clicks, pages, resources', () => {
    expect(trackingDataCatalogue.map(({ category }) => category)).toEqual(
      expect.arrayContaining(['connection-time', 'clicks', 'pages', 'resources']),
    );
  });
});
