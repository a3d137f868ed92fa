/** The words of the inspector's district overview (issue 17, L10). Included in `fr` by fr.ts. */
export const inspector = {
  title: 'Parcours de ma circonscription',
  lead: 'Les parcours en place dans votre circonscription, leurs formateurs et les enseignants inscrits ou ayant terminé, avec leur école et, une fois la formation terminée, les heures créditées.',
  scope:
    'Rien d’autre n’est visible ici : ni progression, ni retours, ni activité dans les parcours (la formation est un espace professionnel réservé à ses participants).',
  district: (district: string): string => `Circonscription : ${district}`,
  noDistrict:
    'Votre compte n’indique pas de circonscription. Contactez le référent numérique de votre académie pour la faire renseigner.',
  filters: 'Filtrer',
  school: 'École',
  allSchools: 'Toutes les écoles',
  course: 'Parcours',
  allCourses: 'Tous les parcours',
  caption: (count: number): string =>
    `Enseignants des parcours de la circonscription (${count} ligne${count > 1 ? 's' : ''})`,
  columns: {
    course: 'Parcours',
    trainers: 'Formateurs',
    teacher: 'Enseignant',
    school: 'École',
    status: 'Statut',
    hours: 'Heures créditées',
  },
  sortBy: (column: string): string => `Trier par ${column}`,
  sortedAscending: 'trié par ordre croissant',
  sortedDescending: 'trié par ordre décroissant',
  noSchool: 'non renseignée',
  noHours: '—',
  noTrainer: 'aucun',
  empty: 'Aucun parcours n’est en place dans votre circonscription pour le moment.',
  noMatch: 'Aucun enseignant ne correspond à ces filtres.',
  courseWithoutTeacher: 'aucun enseignant de la circonscription',
  downloadCsv: 'Télécharger le tableau (CSV)',
  csvHeader: ['Parcours', 'Formateurs', 'Enseignant', 'École', 'Statut', 'Heures créditées'],
  csvFile: (district: string): string => `relais-circonscription-${district}.csv`,
};
