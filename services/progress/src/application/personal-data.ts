import type { CollectedPersonalData, PersonalDataDeclaration, PersonalDataKind } from '@relais/platform';
import { rosterPersonalData, rosterRecordsOf, type RosterStore } from '@relais/roster';
import type { CompletionMark } from '../domain/completion-mark';
import type { ActivityStore, CompletionMarkStore } from './ports';

const marksAreKept = { legalBasis: 'publicTask', retention: 'progressMarks' } as const;

/**
 * A completion mark as it refers to its participant (completion_marks). The mark is his own
 * declaration (L7) and carries nothing else: no date, no count, no duration (L2).
 */
export const completionMarksPersonalData: PersonalDataKind = {
  kind: 'completion-marks',
  label: 'Les activités que vous avez déclarées faites',
  fields: {
    courseId: {
      label: 'Le parcours',
      purpose: 'Rattacher votre déclaration au parcours où vous l’avez faite',
      ...marksAreKept,
    },
    activityId: {
      label: 'L’activité (son identifiant dans le parcours)',
      purpose: 'Savoir quelle activité vous avez déclarée faite',
      ...marksAreKept,
    },
    activityTitle: {
      label: 'Le titre de l’activité, donné par les formateurs du parcours',
      purpose: 'Nommer l’activité dans ce que vous voyez ; il est lu dans la liste des activités du parcours',
      ...marksAreKept,
    },
    done: {
      label: 'Votre déclaration : activité faite',
      purpose:
        'Calculer votre barre de progression, indicative ; les formateurs du parcours voient combien d’activités vous avez faites, pas lesquelles',
      ...marksAreKept,
    },
  },
  notPersonal: {
    _id: 'Identifiant technique fait du parcours, de votre identifiant de compte et de l’activité, rien d’autre',
    userId:
      'Votre identifiant de compte : c’est lui qui rattache ces déclarations à vous, il n’est pas répété dans chacune',
  },
};

/**
 * Fields of activity_lists, the one other collection of progress. An activity list describes the
 * course, not a person: its trainers write it, and it records neither who wrote an activity nor who
 * did it (that is a completion mark), so it is in no person's export.
 */
export const activityListsHoldNothingPersonal: Readonly<Record<string, string>> = {
  _id: 'L’identifiant du parcours',
  activities: 'Les activités du parcours (identifiant, titre, type, facultative), sans auteur ni participant',
};

export const progressPersonalData: PersonalDataDeclaration = {
  service: 'progress',
  label: 'Activités et progression',
  kinds: [completionMarksPersonalData, rosterPersonalData],
};

/** GDPR articles 15 and 20: what progress holds about one person, from his own marks and roster entries. */
export class PersonalDataQueries {
  constructor(
    private readonly rosters: RosterStore,
    private readonly activities: ActivityStore,
    private readonly marks: CompletionMarkStore,
  ) {}

  async collect(userId: string): Promise<CollectedPersonalData> {
    const [marks, rosterEntries] = await Promise.all([
      this.marks.marksBy(userId),
      rosterRecordsOf(this.rosters, userId),
    ]);
    const titles = await this.activityTitlesOf(marks);
    return {
      [completionMarksPersonalData.kind]: marks.map(({ courseId, activityId }) => {
        // A mark may outlive its activity for a moment (written while the trainers removed it):
        // it is still held, so it is shown, without a title the course no longer has.
        const activityTitle = titles.get(courseId)?.get(activityId);
        return {
          courseId,
          activityId,
          ...(activityTitle === undefined ? {} : { activityTitle }),
          done: true,
        };
      }),
      [rosterPersonalData.kind]: rosterEntries,
    };
  }

  /** Titles by course, then activity id: one read per course where the person marked something. */
  private async activityTitlesOf(
    marks: readonly CompletionMark[],
  ): Promise<Map<string, Map<string, string>>> {
    const courseIds = [...new Set(marks.map((mark) => mark.courseId))];
    const lists = await Promise.all(
      courseIds.map(async (courseId) => {
        const activities = await this.activities.activitiesOf(courseId);
        return [courseId, new Map(activities.map(({ id, title }) => [id, title]))] as const;
      }),
    );
    return new Map(lists);
  }
}
