import type { PersonalDataDeclaration, PersonalDataKind } from '@relais/platform';
import type { TallyModels } from './mongo/tally-models';

/**
 * Stats holds no personal data (L11, ADR 0005): facts name no one, enrollment decides whether a fact
 * is a teacher's first in a cell, and stats only adds flags into counters and freezes published tables
 * (ADR 0011, 0014). So it declares no kind, and "Mes données" says why it has nothing to show.
 */
export const statsPersonalData: PersonalDataDeclaration = {
  service: 'stats',
  label:
    'Statistiques : ce service compte les enseignants sans connaître aucun d’entre eux ; il ne garde rien qui vous concerne',
  kinds: [],
};

const position = {
  generation: 'Le numéro de la génération des tableaux (une reconstruction en fait une nouvelle)',
  topic: 'Le sujet des faits comptés',
  partition: 'La partition de ce sujet',
};

/**
 * Why each stored field refers to no one: one kind-less entry per collection, so that a field added to
 * a stats schema fails a test until someone decides it refers to no one, or the declaration has to
 * change (test/personal-data).
 */
export const storedRecordsNotPersonal: Record<keyof TallyModels, PersonalDataKind> = {
  shards: {
    kind: 'tally-shards',
    label: 'Compteurs',
    fields: {},
    notPersonal: {
      _id: 'La génération, le sujet, la partition et le mois des compteurs',
      ...position,
      month: 'Le mois compté',
      appliedThrough: 'La position du dernier fait compté dans la partition',
      counters:
        'Des nombres d’enseignants par mois, académie, thème, catégorie et tranche d’intensité : combien, jamais qui (ADR 0005)',
    },
  },
  appliedFacts: {
    kind: 'applied-facts',
    label: 'Faits déjà comptés',
    fields: {},
    notPersonal: {
      _id: 'La génération et l’identifiant aléatoire d’un fait déjà compté ; un fait ne nomme personne (ADR 0005)',
      ...position,
      offset: 'La position du fait dans sa partition',
    },
  },
  partitions: {
    kind: 'tally-partitions',
    label: 'Partitions lues',
    fields: {},
    notPersonal: {
      _id: 'La génération, le sujet et la partition',
      ...position,
      through: 'La position du dernier fait lu dans la partition',
    },
  },
  generations: {
    kind: 'generations',
    label: 'Génération active',
    fields: {},
    notPersonal: {
      _id: 'Le nom du réglage (la génération active)',
      generation: position.generation,
    },
  },
  releases: {
    kind: 'releases',
    label: 'Tableaux publiés',
    fields: {},
    notPersonal: {
      _id: 'Le tableau et sa période',
      body: 'Le tableau publié, figé : des nombres par case, ou la raison pour laquelle une case est masquée (ADR 0011, 0014)',
    },
  },
};
