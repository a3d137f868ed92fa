import type { APIRequestContext } from '@playwright/test';
import { callApi, uniqueTitle } from './api';
import { userId } from './realm';

export interface CreatedCourse {
  id: string;
  title: string;
}

export const ACTIVITIES = [
  { id: 'accueil', title: 'Accueil et cadre du parcours', kind: 'resource' },
  { id: 'video', title: 'Vidéo : la lecture à voix haute', kind: 'video' },
  { id: 'classe', title: 'Classe virtuelle avec la formatrice', kind: 'virtual-class' },
] as const;

/**
 * A Lyon course taught by trainer.alice with three activities and, when asked, colleagues already
 * enrolled (anonymous feedback needs five participants).
 */
export async function createCourse(
  request: APIRequestContext,
  options: { prefix: string; colleagues?: string[]; predictedHours?: number },
): Promise<CreatedCourse> {
  const title = uniqueTitle(options.prefix);
  const course = await callApi<{ id: string }>(request, 'manager.lyon', 'POST', '/api/enrollment/courses', {
    title,
    description: 'Un parcours créé par les tests du portail, pour les enseignants du premier degré.',
    academy: 'lyon',
    themes: ['lecture', 'numerique'],
    predictedHours: options.predictedHours ?? 6,
    trainerIds: [userId('trainer.alice')],
    districts: ['lyon-d1'],
    capacity: 30,
  });
  await callApi(request, 'trainer.alice', 'PUT', `/api/progress/courses/${course.id}/activities`, ACTIVITIES);
  for (const colleague of options.colleagues ?? []) {
    await callApi(request, colleague, 'POST', `/api/enrollment/courses/${course.id}/enrollments`, {});
  }
  return { id: course.id, title };
}
