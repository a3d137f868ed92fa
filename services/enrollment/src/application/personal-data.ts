import type { PendingEvent } from '@relais/contracts';
import type { CollectedPersonalData, PersonalDataDeclaration, PersonalDataKind } from '@relais/platform';
import {
  attestationOfTeacher,
  creditedHours,
  formerParticipantOf,
  participantOf,
  type Course,
  type FormerParticipant,
  type Participant,
} from '../domain/course';
import { dayOf } from './calendar';
import { erasureRequestsKind } from './erasure-requests-personal-data';
import type { CourseRepository } from './ports';

/**
 * Why each stored field of a course revision (infrastructure/mongo/course-model.ts) is not exported
 * as such: a kind below exports the person's own part of it, or nothing. Each kind takes these
 * reasons for the fields it does not export, so a field added to the course is classified here once.
 */
const courseRevisionFields = {
  _id: 'Identifiant technique de la version enregistrée du parcours',
  courseId: 'L’identifiant du parcours',
  revision: 'Numéro technique de version',
  removed: 'Marque technique d’un parcours supprimé',
  saveId: 'Identifiant technique de l’enregistrement',
  savedOver: 'Identifiant technique de l’enregistrement précédent',
  outbox:
    'Les événements en attente d’envoi aux autres services : ceux qui vous nomment sont exportés à part, sous « Événements en attente d’envoi »',
  academy: 'L’académie du parcours, pas la vôtre',
  title: 'Le titre actuel du parcours',
  description: 'La description du parcours',
  themes: 'Les thèmes du parcours',
  predictedHours: 'La durée prévue du parcours ; les heures qui vous sont créditées sont exportées à part',
  trainers:
    'Les formateurs du parcours : seule votre entrée de formateur est exportée, sous « Les parcours dont vous êtes formateur »',
  districts: 'Les circonscriptions auxquelles le parcours s’adresse',
  capacity: 'Le nombre de places du parcours',
  closesOn: 'La date de clôture prévue du parcours',
  closedOn:
    'Le jour où le parcours a été clos : la durée de conservation de ce qui vous y concerne se compte à partir de ce jour',
  recordAnonymisedOn:
    'Le jour où les participants et formateurs du parcours ont été effacés, à la fin de leur durée de conservation',
  status: 'Ouvert ou clos : l’état du parcours, pas le vôtre',
  participants: 'Les participants : seule votre entrée est exportée, sous « Vos inscriptions »',
  formerParticipants:
    'Ceux qui ont quitté le parcours après l’avoir terminé : seule votre entrée est exportée, sous « Vos inscriptions »',
} as const satisfies Record<string, string>;

type CourseRevisionField = keyof typeof courseRevisionFields;

function courseFieldsExcept(...exported: CourseRevisionField[]): Record<string, string> {
  return Object.fromEntries(
    Object.entries(courseRevisionFields).filter(
      ([field]) => !exported.includes(field as CourseRevisionField),
    ),
  );
}

export const ENROLLMENTS = 'enrollments';
export const ATTESTATIONS = 'attestations';
export const TRAINED_COURSES = 'trained-courses';
export const PENDING_EVENTS = 'pending-events';

/**
 * His enrollments, one per course where he is a participant or that he left after completion. The
 * course stores no day of enrollment or of withdrawal, only the day of completion, which is the
 * date of the attestation (below). A participant who withdrew before completion left nothing in
 * the course (L1, ADR 0019): only his pending events, below, until they are published.
 */
const enrollments: PersonalDataKind = {
  kind: ENROLLMENTS,
  label: 'Vos inscriptions aux parcours',
  fields: {
    courseId: {
      label: 'Le parcours',
      purpose: 'Savoir à quels parcours vous êtes inscrit',
      legalBasis: 'publicTask',
      retention: 'trainingRecord',
    },
    title: {
      label: 'Le titre du parcours',
      purpose: 'Nommer le parcours dans ce que vous voyez',
      legalBasis: 'publicTask',
      retention: 'trainingRecord',
    },
    name: {
      label: 'Votre nom, tel qu’enregistré à votre inscription',
      purpose: 'Vous nommer auprès des formateurs et des participants du parcours, et de votre inspecteur',
      legalBasis: 'publicTask',
      retention: 'trainingRecord',
    },
    school: {
      label: 'Votre école, telle qu’enregistrée à votre inscription',
      purpose: 'Vous situer auprès des membres du parcours et de votre inspecteur',
      legalBasis: 'publicTask',
      retention: 'trainingRecord',
    },
    district: {
      label: 'Votre circonscription, telle qu’enregistrée à votre inscription',
      purpose: 'Montrer à l’inspecteur de votre circonscription les formations de ses enseignants',
      legalBasis: 'publicTask',
      retention: 'trainingRecord',
    },
    status: {
      label: 'Votre statut (inscrit ou formation terminée)',
      purpose: 'Savoir si votre formation est terminée, ce qui crédite vos heures',
      legalBasis: 'publicTask',
      retention: 'trainingRecord',
    },
    withdrawn: {
      label: 'Vous avez quitté le parcours après l’avoir terminé',
      purpose: 'Garder vos heures déjà faites quand vous quittez le parcours',
      legalBasis: 'publicTask',
      retention: 'trainingRecord',
    },
    // Legal obligation, not the public task: the hours are kept to prove training time counted as
    // working time (L3; in the first degree, training and animations pédagogiques are among the 108
    // annual hours of a teacher's service obligations). On the public task he could object (GDPR
    // art. 21) and have erased a proof his employer must keep; art. 17-3-b keeps it for six years.
    creditedHours: {
      label: 'Vos heures de formation créditées',
      purpose: 'Prouver le temps de formation compté comme temps de travail',
      legalBasis: 'legalObligation',
      retention: 'trainingRecord',
    },
  },
  notPersonal: courseFieldsExcept('courseId', 'title'),
};

/**
 * His attestations as issued (ADR 0031), still valid: unticking the completion deletes the
 * attestation, so nothing of a revoked one is held. On the same legal basis as the hours they prove.
 */
const attestations: PersonalDataKind = {
  kind: ATTESTATIONS,
  label: 'Vos attestations de formation (une attestation révoquée est effacée)',
  fields: {
    code: {
      label: 'Le code de vérification de l’attestation',
      purpose: 'Permettre à qui reçoit l’attestation de vérifier qu’elle est valide',
      legalBasis: 'legalObligation',
      retention: 'trainingRecord',
    },
    courseId: {
      label: 'Le parcours',
      purpose: 'Retrouver l’attestation d’un parcours',
      legalBasis: 'legalObligation',
      retention: 'trainingRecord',
    },
    courseTitle: {
      label: 'Le titre du parcours, tel qu’imprimé sur l’attestation',
      purpose: 'Prouver le temps de formation compté comme temps de travail',
      legalBasis: 'legalObligation',
      retention: 'trainingRecord',
    },
    teacherName: {
      label: 'Votre nom, tel qu’imprimé sur l’attestation',
      purpose: 'Prouver le temps de formation compté comme temps de travail',
      legalBasis: 'legalObligation',
      retention: 'trainingRecord',
    },
    academy: {
      label: 'L’académie du parcours, telle qu’imprimée sur l’attestation',
      purpose: 'Prouver le temps de formation compté comme temps de travail',
      legalBasis: 'legalObligation',
      retention: 'trainingRecord',
    },
    creditedHours: {
      label: 'Les heures créditées, telles qu’imprimées sur l’attestation',
      purpose: 'Prouver le temps de formation compté comme temps de travail',
      legalBasis: 'legalObligation',
      retention: 'trainingRecord',
    },
    completedOn: {
      label: 'Le jour où votre formation a été marquée terminée, date de l’attestation',
      purpose: 'Dater la formation et la rattacher à une année scolaire',
      legalBasis: 'legalObligation',
      retention: 'trainingRecord',
    },
  },
  notPersonal: {
    ...courseFieldsExcept('courseId'),
    title:
      'Le titre actuel du parcours ; l’attestation garde celui du jour où elle a été délivrée (exporté sous courseTitle)',
    participants:
      'Votre attestation est exportée ici ; celles des autres participants, et les noms des formateurs imprimés sur la vôtre, sont les données d’autres personnes (le PDF de l’attestation les montre)',
    formerParticipants:
      'Votre attestation, si vous avez quitté le parcours après l’avoir terminé, est exportée ici ; celles des autres ne le sont pas',
  },
};

/**
 * Kept as long as the training record, not only while he is a member: a course's trainers are part
 * of what proves the training (each attestation prints their names, the verification page confirms
 * them, the inspector's overview shows who trained, L10). The attestations keep their own copy of
 * the names for six years anyway; erasing the membership sooner would only leave the course record
 * disagreeing with the documents it issued. A manager who removes him from a course removes the
 * membership at once: the rule is a limit, not a hold. So does his erasure (ADR 0033), which leaves his
 * name only where it was printed on the attestations of others (`forgetPersonInCourse` says why).
 */
const trainedCourses: PersonalDataKind = {
  kind: TRAINED_COURSES,
  label: 'Les parcours dont vous êtes formateur',
  fields: {
    courseId: {
      label: 'Le parcours',
      purpose: 'Savoir quels parcours vous formez, pour vous en montrer les participants',
      legalBasis: 'publicTask',
      retention: 'trainingRecord',
    },
    title: {
      label: 'Le titre du parcours',
      purpose: 'Nommer le parcours dans ce que vous voyez',
      legalBasis: 'publicTask',
      retention: 'trainingRecord',
    },
    name: {
      label: 'Votre nom de formateur',
      purpose:
        'Vous nommer auprès des participants, de l’inspecteur et sur les attestations de formation du parcours',
      legalBasis: 'publicTask',
      retention: 'trainingRecord',
    },
  },
  notPersonal: courseFieldsExcept('courseId', 'title'),
};

/**
 * The events of a save wait in the course's outbox until the relay publishes them to the other
 * services (ADR 0002): seconds, unless publishing fails. An auditor expects them listed, since
 * they are a copy this service holds, of his name and id, that outlives a withdrawal for that
 * while. Only their type and day are exported: their content is what the kinds above already
 * export, or the names of other trainers of the course.
 */
const pendingEvents: PersonalDataKind = {
  kind: PENDING_EVENTS,
  label: 'Événements en attente d’envoi',
  fields: {
    type: {
      label: 'Ce qui est arrivé (inscription, retrait, formation terminée, parcours publié ou modifié…)',
      purpose: 'Tenir à jour la liste des membres du parcours dans les autres services de Relais',
      legalBasis: 'publicTask',
      retention: 'pendingDelivery',
    },
    occurredOn: {
      label: 'Le jour de l’événement',
      purpose: 'Tenir à jour la liste des membres du parcours dans les autres services de Relais',
      legalBasis: 'publicTask',
      retention: 'pendingDelivery',
    },
  },
  notPersonal: {
    ...courseRevisionFields,
    outbox:
      'Exporté ci-dessus pour les événements qui vous nomment, par leur type et leur jour : leur contenu reprend vos inscriptions ou nomme les formateurs du parcours',
  },
};

/**
 * What enrollment holds about a person, for `GET /api/enrollment/me/data` (ADR 0032). A training
 * manager's creations and edits are not among it: a course records no author, and its events carry
 * the request's correlation id only, so nothing stored refers to him as such.
 */
export const enrollmentPersonalData: PersonalDataDeclaration = {
  service: 'enrollment',
  label: 'Inscriptions, heures de formation et attestations',
  kinds: [enrollments, attestations, trainedCourses, pendingEvents, erasureRequestsKind],
};

/**
 * The participation counter's keyed tokens (ADR 0005), classified but deliberately not a kind of
 * the declaration. Each token is HMAC(key, teacher | change | cell | month): pseudonymous data in the
 * GDPR's sense, since the service holds the key. But the database holds the token alone, with no
 * id, cell or time; finding a person's tokens means recomputing them for every academy, theme,
 * change and month, and testing each: re-identifying what ADR 0005 and L11 keep unlinked, which
 * GDPR article 11 does not ask of a controller. Nothing would be gained either: a token says only
 * that someone was counted once in a cell of a month, for statistics that name no one.
 */
export const countedCellsNotExported: PersonalDataKind = {
  kind: 'counted-cells',
  label: 'Comptage des enseignants distincts pour les statistiques (non exporté)',
  fields: {},
  notPersonal: {
    _id: 'Jeton à sens unique, calculé avec une clé gardée hors de la base : il ne contient ni votre identifiant, ni le parcours, ni la date, et ne peut vous être rattaché sans recalculer tous les jetons possibles',
  },
};

/**
 * The cursor of the poller of Keycloak's admin events (infrastructure/identity), classified but not a
 * kind of the declaration: it holds how far the poller has read and the ids Keycloak gave to the
 * admin events it read last, never the id of the person an event is about. It refers to no one.
 */
export const identityEventCursorNotExported: PersonalDataKind = {
  kind: 'identity-event-cursor',
  label: 'Suivi des suppressions de comptes dans Keycloak (non exporté)',
  fields: {},
  notPersonal: {
    _id: 'Le nom du suivi : le royaume Keycloak lu',
    time: 'L’heure du dernier événement d’administration lu',
    handled:
      'Les identifiants que Keycloak a donnés aux derniers événements d’administration lus, pas ceux des personnes qu’ils concernent',
    revision: 'Numéro technique de version',
  },
};

const statusText = (status: Participant['status']): string =>
  status === 'completed' ? 'formation terminée' : 'inscrit';

/** Where he was enrolled: his name, school and district as stored then, not as his account says now. */
function enrolledAs({ name, school, district }: Participant | FormerParticipant): Record<string, unknown> {
  return {
    name,
    ...(school === undefined ? {} : { school }),
    ...(district === undefined ? {} : { district }),
  };
}

function enrollmentRecord(course: Course, userId: string): Record<string, unknown>[] {
  const base = { courseId: course.id, title: course.title };
  const participant = participantOf(course, userId);
  if (participant) {
    return [
      {
        ...base,
        ...enrolledAs(participant),
        status: statusText(participant.status),
        withdrawn: false,
        creditedHours: creditedHours(participant),
      },
    ];
  }
  const former = formerParticipantOf(course, userId);
  if (!former) return [];
  return [
    {
      ...base,
      ...enrolledAs(former),
      status: statusText('completed'),
      withdrawn: true,
      creditedHours: former.creditedHours,
    },
  ];
}

function attestationRecord(course: Course, userId: string): Record<string, unknown>[] {
  const attestation = attestationOfTeacher(course, userId);
  if (!attestation) return [];
  const { code, courseTitle, teacherName, academy, creditedHours: hours, completedOn } = attestation;
  return [
    { code, courseId: course.id, courseTitle, teacherName, academy, creditedHours: hours, completedOn },
  ];
}

function trainerRecord(course: Course, userId: string): Record<string, unknown>[] {
  const trainer = course.trainers.find((candidate) => candidate.userId === userId);
  return trainer ? [{ courseId: course.id, title: course.title, name: trainer.name }] : [];
}

function pendingEventRecord(event: PendingEvent): Record<string, unknown> {
  return { type: event.envelope.type, occurredOn: dayOf(new Date(event.envelope.occurredAt)) };
}

const byTitle = (a: Course, b: Course): number => a.title.localeCompare(b.title) || a.id.localeCompare(b.id);

/** Everything enrollment holds about this person, per kind of `enrollmentPersonalData`. */
export async function personalDataOf(
  courses: CourseRepository,
  userId: string,
): Promise<CollectedPersonalData> {
  const [named, pending] = await Promise.all([
    courses.find({ personId: userId }),
    courses.pendingEventsNaming(userId),
  ]);
  const sorted = [...named].sort(byTitle);
  return {
    [ENROLLMENTS]: sorted.flatMap((course) => enrollmentRecord(course, userId)),
    [ATTESTATIONS]: sorted.flatMap((course) => attestationRecord(course, userId)),
    [TRAINED_COURSES]: sorted.flatMap((course) => trainerRecord(course, userId)),
    [PENDING_EVENTS]: [...pending]
      .sort((a, b) => a.envelope.occurredAt.localeCompare(b.envelope.occurredAt))
      .map(pendingEventRecord),
  };
}
