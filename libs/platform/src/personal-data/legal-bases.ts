/**
 * The legal bases (GDPR article 6) on which Relais holds personal data, in the French a person reads
 * in "Mes données". A public body cannot rely on legitimate interest for its missions, and training is
 * voluntary but not a matter of consent once chosen: the mission is the basis of almost everything.
 */
export const LEGAL_BASES = {
  publicTask:
    'Mission d’intérêt public (RGPD, article 6-1-e) : la formation continue des personnels de l’Éducation nationale',
  legalObligation:
    'Obligation légale (RGPD, article 6-1-c) : prouver le temps de formation compté comme temps de travail',
  erasureAccountability:
    'Obligation légale (RGPD, articles 5-2, 6-1-c et 17) : pouvoir prouver qu’une demande d’effacement a été exécutée, et par qui',
} as const;

export type LegalBasis = keyof typeof LEGAL_BASES;
