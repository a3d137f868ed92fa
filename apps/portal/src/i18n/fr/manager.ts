/**
 * The training manager's pages (issue 16, point 5). Part of the single `fr` object (fr.ts includes it):
 * kept in its own file only so that the helpers writing different audiences' pages do not edit the same lines.
 */
import { formatNumber } from '../format';

export const manager = {
  courses: {
    title: 'Gestion des parcours',
    lead: 'Les parcours de votre académie, ouverts ou fermés. Créez-en, modifiez-les, ouvrez-les ou fermez-les aux inscriptions.',
    create: 'Créer un parcours',
    empty: "Votre académie n'a encore aucun parcours. Créez le premier.",
    caption: 'Parcours de votre académie',
    name: 'Parcours',
    status: 'Statut',
    hours: 'Durée prévue',
    seats: 'Places restantes',
    trainers: 'Formateurs',
    actions: 'Actions',
    unlimited: 'Sans limite',
    noTrainer: 'Aucun',
    edit: (title: string): string => `Modifier : ${title}`,
    editShort: 'Modifier',
    open: 'Ouvrir aux inscriptions',
    close: 'Fermer aux inscriptions',
    openFor: (title: string): string => `Ouvrir aux inscriptions : ${title}`,
    closeFor: (title: string): string => `Fermer aux inscriptions : ${title}`,
    opened: (title: string): string => `Le parcours « ${title} » est ouvert aux inscriptions.`,
    closed: (title: string): string => `Le parcours « ${title} » est fermé aux inscriptions.`,
    statusLabel: { open: 'Ouvert', closed: 'Fermé' },
    closedHint: 'Fermer un parcours arrête les inscriptions ; les participants déjà inscrits continuent.',
  },
  form: {
    createTitle: 'Créer un parcours',
    editTitle: (title: string): string => `Modifier le parcours « ${title} »`,
    back: 'Gestion des parcours',
    lead: 'Les champs marqués d’un astérisque sont obligatoires.',
    title: 'Titre *',
    titleHint: '200 caractères au plus.',
    description: 'Description',
    descriptionHint: (max: number): string =>
      `Ce que les enseignants verront dans le catalogue (${formatNumber(max)} caractères au plus).`,
    themes: 'Thèmes *',
    themesHint:
      'Séparés par des virgules, par exemple : lecture, numerique. Lettres minuscules sans accent, chiffres et tirets ; 10 thèmes au plus.',
    predictedHours: 'Durée prévue, en heures *',
    predictedHoursHint: 'Par demi-heures : 6 ou 7,5 par exemple ; de 0,5 à 200 heures.',
    trainers: 'Formateurs *',
    trainersHint: 'Cochez les formateurs de votre académie qui animent ce parcours ; 20 au plus.',
    trainersLoading: 'Chargement des formateurs de votre académie…',
    trainersEmpty:
      "Votre académie n'a encore aucun formateur dans Relais : un parcours ne peut pas être enregistré sans formateur. Contactez le référent numérique de votre académie.",
    districts: 'Circonscriptions visées',
    districtsHint:
      'Facultatif. Séparées par des virgules, par exemple : lyon-d1, lyon-d2. Lettres minuscules sans accent, chiffres et tirets.',
    capacity: 'Nombre de places',
    capacityHint: 'Facultatif : laissez vide pour un parcours sans limite de places (de 1 à 10 000).',
    closesOn: 'Clôture prévue',
    closesOnHint:
      'Facultatif, au format jj/mm/aaaa : le jour où le parcours doit se terminer, aujourd’hui ou plus tard. Les participants qui ne l’ont pas terminé en sont avertis sept jours avant. Laissez vide pour n’en prévoir aucune.',
    noChange: 'Aucune modification à enregistrer : changez un champ puis enregistrez.',
    create: 'Créer le parcours',
    save: 'Enregistrer les modifications',
    created: (title: string): string =>
      `Le parcours « ${title} » est créé et ouvert aux inscriptions dans le catalogue de votre académie.`,
    saved: (title: string): string => `Les modifications du parcours « ${title} » sont enregistrées.`,
    noAcademy:
      "Votre compte n'indique pas d'académie : vous ne pouvez pas créer de parcours. Contactez le référent numérique de votre académie.",
    titleRequired: 'Donnez un titre au parcours.',
    titleTooLong: 'Le titre compte 200 caractères au plus.',
    descriptionTooLong: (max: number): string =>
      `La description compte ${formatNumber(max)} caractères au plus.`,
    themesRequired: 'Donnez au moins un thème.',
    themesTooMany: 'Donnez 10 thèmes au plus.',
    themeFormat: (theme: string): string =>
      `« ${theme} » n'est pas un thème valide : lettres minuscules sans accent, chiffres et tirets, en commençant par une lettre.`,
    hoursRequired: 'Indiquez la durée prévue, en heures.',
    hoursFormat: 'Indiquez un nombre d’heures, par exemple 6 ou 7,5.',
    hoursRange: 'La durée prévue va de 0,5 à 200 heures.',
    hoursHalf: 'La durée se compte par demi-heures : 7 ou 7,5, pas 7,2.',
    trainersRequired: 'Cochez au moins un formateur.',
    trainersTooMany: 'Un parcours a 20 formateurs au plus : décochez-en.',
    districtsTooMany: 'Indiquez 50 circonscriptions au plus.',
    districtFormat: (district: string): string =>
      `« ${district} » n'est pas une circonscription valide : lettres minuscules sans accent, chiffres et tirets, comme lyon-d1.`,
    closesOnFormat: 'Indiquez un jour qui existe, au format jj/mm/aaaa, ou laissez vide.',
    closesOnPast:
      'La clôture prévue ne peut pas être dans le passé : indiquez aujourd’hui ou un jour suivant.',
    capacityFormat: 'Indiquez un nombre entier de places, de 1 à 10 000, ou laissez vide.',
    capacityBelowEnrolled:
      'Ce nombre est inférieur aux participants déjà inscrits : indiquez au moins leur nombre.',
  },
  // Only the codes fr.errors.byCode does not already carry.
  errors: {
    TRAINER_NOT_FOUND:
      "Un des formateurs cochés n'est plus formateur de votre académie. Rechargez la page pour mettre la liste à jour, puis enregistrez.",
  },
} as const;
