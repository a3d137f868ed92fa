import type { PersonalDataKind } from '@relais/platform';
import type { CourseRoster } from './course-roster';
import type { RosterStore } from './roster-store';

/**
 * The roster replica a service keeps of each course it serves (docs/adr/0006), as it refers to one
 * person: declared once here, exported by every service that keeps a replica.
 */
export const rosterPersonalData: PersonalDataKind = {
  kind: 'course-rosters',
  label: 'Les parcours dont ce service connaît les membres',
  fields: {
    courseId: {
      label: 'Le parcours',
      purpose:
        'Savoir que vous en êtes membre, pour ne montrer le parcours qu’à ses formateurs et participants',
      legalBasis: 'publicTask',
      retention: 'whileMember',
    },
    title: {
      label: 'Le titre du parcours',
      purpose: 'Nommer le parcours dans ce que vous voyez',
      legalBasis: 'publicTask',
      retention: 'whileMember',
    },
    role: {
      label: 'Votre rôle dans le parcours (formateur ou participant)',
      purpose: 'Décider de ce que vous pouvez voir et faire dans le parcours',
      legalBasis: 'publicTask',
      retention: 'whileMember',
    },
    name: {
      label: 'Votre nom',
      purpose: 'Vous nommer auprès des autres membres du parcours',
      legalBasis: 'publicTask',
      retention: 'whileMember',
    },
    school: {
      label: 'Votre école',
      purpose: 'Vous situer auprès des autres membres du parcours',
      legalBasis: 'publicTask',
      retention: 'whileMember',
    },
    status: {
      label: 'Votre statut (inscrit ou formation terminée)',
      purpose: 'Savoir si votre formation est terminée',
      legalBasis: 'publicTask',
      retention: 'whileMember',
    },
  },
  notPersonal: {
    _id: 'L’identifiant du parcours (exporté sous courseId)',
    academy: 'L’académie du parcours, pas la vôtre',
    closesOn: 'La date de clôture prévue du parcours',
    closedOn: 'Le jour où le parcours a été clos',
    trainers: 'Les autres membres : seule votre entrée est exportée',
    participants: 'Les autres membres : seule votre entrée est exportée',
    revision: 'Numéro technique de version',
    appliedEventIds: 'Identifiants techniques des événements déjà appliqués',
  },
};

function entryOf(roster: CourseRoster, userId: string): Record<string, unknown> | undefined {
  const base = { courseId: roster.courseId, title: roster.title };
  const trainer = roster.trainers.find((person) => person.userId === userId);
  if (trainer) return { ...base, role: 'formateur', name: trainer.name };
  const participant = roster.participants.find((person) => person.userId === userId);
  if (!participant) return undefined;
  return {
    ...base,
    role: 'participant',
    name: participant.name,
    ...(participant.school === undefined ? {} : { school: participant.school }),
    status: participant.status === 'completed' ? 'formation terminée' : 'inscrit',
  };
}

/** This person's entries in the replica, one per course where he is a trainer or a participant. */
export async function rosterRecordsOf(
  store: RosterStore,
  userId: string,
): Promise<Record<string, unknown>[]> {
  const rosters = await store.coursesOf(userId);
  return rosters.flatMap((roster) => {
    const entry = entryOf(roster, userId);
    return entry ? [entry] : [];
  });
}
