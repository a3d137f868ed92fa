/** The words of the attestations of training and of their public verification (issue 20, L3). Included in `fr` by fr.ts. */
export const attestations = {
  download: 'Télécharger l’attestation (PDF)',
  /** Said to screen readers after the link's visible words, so each link names its course. */
  downloadFor: (course: string): string => `, parcours « ${course} »`,
  fileDetail: 'PDF',
  downloading: 'Préparation du document…',
  downloadFailed: 'Le document n’a pas pu être préparé. Réessayez ; si cela se reproduit, rechargez la page.',
  years: {
    title: 'Récapitulatif annuel de vos heures',
    lead: 'Un document par année scolaire (du 1er septembre au 31 août) : chaque parcours terminé, ses heures, son code de vérification et le total.',
    download: (schoolYear: string): string => `Télécharger le récapitulatif ${schoolYear} (PDF)`,
    detail: (courses: number, hours: string): string =>
      `${courses} parcours terminé${courses > 1 ? 's' : ''}, ${hours}`,
  },
  verify: {
    title: 'Vérifier une attestation de formation',
    lead: 'Cette page confirme qu’une attestation délivrée par Relais existe et dit ce qu’elle atteste.',
    checking: 'Vérification en cours…',
    valid: 'Attestation valide',
    validBody:
      'Relais a bien délivré cette attestation, et la formation est toujours enregistrée comme terminée. Comparez avec le document qui vous a été remis.',
    notFound: 'Aucune attestation valide ne porte ce code',
    notFoundBody:
      'Vérifiez le code sur le document (quatre groupes de quatre caractères). Si le code est exact, l’attestation n’existe pas ou n’est plus valable.',
    malformedBody:
      'Ce code n’a pas la forme d’un code de vérification : quatre groupes de quatre lettres majuscules ou chiffres, séparés par des tirets, par exemple 7K3M-Q9XD-2HNB-W4PT.',
    fields: {
      teacher: 'Enseignant',
      course: 'Parcours',
      academy: 'Académie',
      completedOn: 'Formation terminée le',
      hours: 'Durée prévisionnelle créditée',
      trainers: (count: number): string => (count > 1 ? 'Formateurs' : 'Formateur'),
      code: 'Code de vérification',
    },
  },
} as const;
