import type { PersonalDataKind } from '@relais/platform';

export const ERASURE_REQUESTS = 'erasure-requests';

/**
 * The erasures an administrator requested (ADR 0033): his own records as the one who asked. The
 * person erased is in none of them, not even as a field to hide: only his key id is stored.
 */
export const erasureRequestsKind: PersonalDataKind = {
  kind: ERASURE_REQUESTS,
  label: 'Les demandes d’effacement que vous avez faites (administrateurs)',
  fields: {
    erasureId: {
      label: 'L’identifiant de la demande',
      purpose: 'Pouvoir prouver qu’une demande d’effacement a été exécutée, et par qui',
      legalBasis: 'erasureAccountability',
      retention: 'erasureAudit',
    },
    requestedAt: {
      label: 'Le moment de la demande',
      purpose: 'Pouvoir prouver qu’une demande d’effacement a été exécutée, et par qui',
      legalBasis: 'erasureAccountability',
      retention: 'erasureAudit',
    },
    reason: {
      label: 'Le motif que vous avez donné',
      purpose: 'Pouvoir prouver qu’une demande d’effacement a été exécutée, et par qui',
      legalBasis: 'erasureAccountability',
      retention: 'erasureAudit',
    },
  },
  notPersonal: {
    _id: 'L’identifiant de la demande, exporté ci-dessus',
    source: 'Qui a demandé : un administrateur, ou la suppression du compte chez le fournisseur d’identité',
    requestedBy: 'Votre identifiant : ce qui vous rattache à ces demandes',
    personKeyId:
      'L’empreinte de la personne effacée, calculée avec une clé gardée hors de la base : elle ne nomme personne',
    outbox: 'L’événement d’effacement en attente d’envoi : il ne vous nomme pas',
  },
};

/** His records as exported: what the kind declares of each request he made. */
export function erasureRequestRecords(
  records: readonly { erasureId: string; requestedAt: Date; reason: string }[],
): Record<string, unknown>[] {
  return records.map((record) => ({
    erasureId: record.erasureId,
    requestedAt: record.requestedAt.toISOString(),
    reason: record.reason,
  }));
}
