import { setImmediate as nextTurn } from 'node:timers/promises';
import type { CollectedPersonalData, PersonalDataDeclaration, PersonalDataKind } from '@relais/platform';
import { rosterPersonalData, rosterRecordsOf, type RosterStore } from '@relais/roster';
import { KeyedSerializer } from '@relais/store';
import type { Delivery, NoticeFacts } from '../domain/notice';
import { kindLabels, statusWords } from '../domain/wording';
import type { OpenSealed } from './notification-use-cases';
import type { MailState, NotificationStore } from './ports';

const yourAccountId =
  'Votre identifiant de compte, qui vous rattache cet enregistrement et n’en dit pas plus';

const notices: PersonalDataKind = {
  kind: 'notices',
  label: 'Vos notifications dans Relais',
  fields: {
    kind: {
      label: 'Ce qui s’est passé (la sorte de notification)',
      purpose: 'Vous dire ce qui s’est passé et vers quelle page aller, sans dire qui a écrit ni quoi',
      legalBasis: 'publicTask',
      retention: 'notices',
    },
    courseId: {
      label: 'Le parcours concerné',
      purpose: 'Mener la notification au parcours où cela s’est passé',
      legalBasis: 'publicTask',
      retention: 'notices',
    },
    courseTitle: {
      label: 'Le titre du parcours',
      purpose: 'Nommer le parcours dans la notification',
      legalBasis: 'publicTask',
      retention: 'notices',
    },
    count: {
      label: 'Le nombre de nouveaux retours (parcours que vous animez)',
      purpose: 'Vous dire combien de retours attendent une lecture, sans dire de qui ils sont',
      legalBasis: 'publicTask',
      retention: 'notices',
    },
    status: {
      label: 'Le nouveau statut de l’un de vos retours',
      purpose: 'Vous dire où en est un retour que vous avez écrit',
      legalBasis: 'publicTask',
      retention: 'notices',
    },
    closesOn: {
      label: 'La date de clôture prévue du parcours',
      purpose: 'Vous rappeler quand le parcours se termine',
      legalBasis: 'publicTask',
      retention: 'notices',
    },
    createdOn: {
      label: 'Le jour de la notification',
      purpose: 'Classer vos notifications, et les effacer le moment venu',
      legalBasis: 'publicTask',
      retention: 'notices',
    },
    read: {
      label: 'Lue ou non',
      purpose: 'Compter vos notifications non lues',
      legalBasis: 'publicTask',
      retention: 'notices',
    },
  },
  notPersonal: {
    _id: 'Identifiant technique, tiré de l’événement qui a causé la notification',
    recipient: yourAccountId,
  },
};

const preferences: PersonalDataKind = {
  kind: 'notification-preferences',
  label: 'Vos choix de réception par courriel',
  fields: {
    kinds: {
      label: 'Pour chaque sorte de notification : courriel immédiat, dans le récapitulatif du jour, ou aucun',
      purpose: 'Vous envoyer les courriels que vous avez choisis, et eux seuls',
      legalBasis: 'publicTask',
      retention: 'preferences',
    },
  },
  notPersonal: { _id: yourAccountId },
};

const address: PersonalDataKind = {
  kind: 'notification-address',
  label: 'Votre adresse électronique',
  fields: {
    email: {
      label: 'L’adresse électronique que donne votre connexion à Relais',
      purpose:
        'Vous envoyer les courriels de notification ; elle est reprise de votre compte quand vous ouvrez vos notifications',
      legalBasis: 'publicTask',
      retention: 'preferences',
    },
  },
  notPersonal: {
    _id: yourAccountId,
    value: 'Votre adresse elle-même, exportée sous « email »',
  },
};

/**
 * The sealed authors of feedback items (ADR 0030). Feedback keeps no author id (ADR 0009); it seals it
 * for this service alone, which opens a seal to tell its author of a reply or a status. The seal
 * refers to him, so he is shown which items it binds him to: the item ids and the month each seal
 * came, never the seal itself (a ciphertext of his own id, which tells him nothing more).
 *
 * Retention `authorSeals` counts from a course's closing, but a seal is kept without its course: beside
 * the notices of replies and statuses (a person, a course, a day), a course's only sealed item would be
 * its author's to whoever reads this database, and items in several such courses grouped by author. So
 * the clock starts at the month the seal came, or the month the course closed if it was closed then:
 * never later than the closing, so a seal never outlives the rule (give or take the days of a month),
 * and goes earlier than the rule says when its course closed months after the item was written.
 */
const sealedAuthors: PersonalDataKind = {
  kind: 'feedback-item-authors',
  label: 'Les retours dont vous serez averti des réponses',
  fields: {
    itemId: {
      label: 'Un retour que vous avez écrit, anonyme ou non',
      purpose:
        'Vous avertir quand un formateur répond à ce retour ou en change le statut. Le service des retours ne ' +
        'garde pas l’identifiant de l’auteur d’un retour : il a chiffré le vôtre pour ce seul service, qui ne le ' +
        'déchiffre que pour vous avertir ou pour vous montrer cette liste, et ne le montre à personne d’autre.',
      legalBasis: 'publicTask',
      retention: 'authorSeals',
    },
    sealedIn: {
      label:
        'Le mois où ce service a appris que vous aviez écrit ce retour (ou celui de la clôture du parcours, si elle était passée)',
      purpose:
        'Effacer ce lien le moment venu : le parcours du retour n’est pas gardé à côté, pour que personne ne ' +
        'puisse relier vos retours entre eux ; le délai court donc depuis ce mois, jamais plus tard que la clôture',
      legalBasis: 'publicTask',
      retention: 'authorSeals',
    },
  },
  notPersonal: {
    _id: 'L’identifiant du retour, exporté sous « itemId »',
    value:
      'Votre identifiant chiffré pour ce seul service (illisible sans sa clé) : il ne dit rien de plus que votre identifiant',
  },
};

/**
 * What waits for the next morning's digest. Its rule is the daily quota's: the text a person reads
 * ("until the next day") is what happens to these entries, which the digest removes once it has gone
 * (at the digest hour of the next day); the retention pass never removes one the digest has not sent.
 */
const digest: PersonalDataKind = {
  kind: 'notification-digest',
  label: 'Ce qui attend le récapitulatif du jour',
  fields: {
    day: {
      label: 'Le jour dont le récapitulatif parlera',
      purpose: 'Vous dire en une fois, le lendemain matin, ce qui s’est passé dans la journée',
      legalBasis: 'publicTask',
      retention: 'dailyQuota',
    },
    facts: {
      label:
        'Ce que le récapitulatif dira : la sorte de notification, le parcours et, selon le cas, un nombre, un statut ou une date',
      purpose: 'Écrire le récapitulatif, sans texte ni auteur',
      legalBasis: 'publicTask',
      retention: 'dailyQuota',
    },
  },
  notPersonal: {
    _id: 'Identifiant technique, tiré de l’événement et du destinataire',
    recipient: yourAccountId,
    withNotice:
      'Indication technique : la notification du portail attend elle aussi le récapitulatif (nouveaux retours anonymes)',
  },
};

/**
 * The mail queue, this service's outbox (ADR 0030): it has no outbox embedded in its documents, and
 * publishes no events. A mail is exported with its text: it is written to him, carries links signed
 * for him, and is what he would receive, so he may see exactly what is kept and sent, not only the
 * notices it was rendered from. Sent and refused mails stay a month from the day they were sent or
 * refused (so that a redelivered event is not mailed twice), then the retention pass forgets them;
 * all are exported with their state.
 */
const mails: PersonalDataKind = {
  kind: 'queued-mails',
  label: 'Les courriels qui vous sont adressés',
  fields: {
    to: {
      label: 'L’adresse où le courriel part',
      purpose: 'Vous envoyer le courriel',
      legalBasis: 'publicTask',
      retention: 'mailQueue',
    },
    subject: {
      label: 'L’objet du courriel',
      purpose: 'Vous envoyer le courriel',
      legalBasis: 'publicTask',
      retention: 'mailQueue',
    },
    text: {
      label: 'Le texte du courriel, tel qu’il vous est envoyé',
      purpose: 'Vous envoyer le courriel',
      legalBasis: 'publicTask',
      retention: 'mailQueue',
    },
    state: {
      label: 'Où en est l’envoi : en attente, envoyé, ou refusé par le serveur de messagerie',
      purpose: 'Réessayer tant que l’envoi échoue, et ne pas envoyer deux fois le même courriel',
      legalBasis: 'publicTask',
      retention: 'mailQueue',
    },
    attempts: {
      label: 'Le nombre de tentatives d’envoi',
      purpose: 'Espacer les nouvelles tentatives quand l’envoi échoue',
      legalBasis: 'publicTask',
      retention: 'mailQueue',
    },
    updatedOn: {
      label: 'Le jour du dernier changement (mise en file, envoi ou refus)',
      purpose: 'Effacer les courriels envoyés ou refusés un mois après',
      legalBasis: 'publicTask',
      retention: 'mailQueue',
    },
  },
  notPersonal: {
    _id: 'Identifiant technique, tiré de l’événement et du destinataire',
    recipient: yourAccountId,
    html: 'Le même texte mis en page en HTML, exporté sous « text »',
    unsubscribeUrl: 'Votre lien de désabonnement, déjà au pied du texte exporté',
    nextAttemptAt: 'L’heure de la prochaine tentative : un réglage de la file d’envoi',
  },
};

/** Everything the notifications service keeps that refers to a person (ADR 0032). */
export const notificationsPersonalData: PersonalDataDeclaration = {
  service: 'notifications',
  label: 'Notifications : les avis dans Relais et les courriels',
  kinds: [notices, preferences, address, sealedAuthors, digest, mails, rosterPersonalData],
};

/** The stored kind each store record is classified by, for the tests of the stored schemas. */
export const notificationKinds = {
  notices,
  preferences,
  address,
  sealedAuthors,
  digest,
  mails,
  rosters: rosterPersonalData,
} as const;

const deliveryWords: Record<Delivery, string> = {
  immediate: 'courriel immédiat',
  'daily-digest': 'dans le récapitulatif du jour',
  off: 'aucun courriel',
};

const mailStateWords: Record<MailState, string> = {
  pending: 'en attente d’envoi',
  sent: 'envoyé',
  undeliverable: 'refusé par le serveur de messagerie',
};

function factsRecord(facts: NoticeFacts): Record<string, unknown> {
  return {
    kind: kindLabels[facts.kind],
    courseId: facts.courseId,
    courseTitle: facts.courseTitle,
    ...(facts.count === undefined ? {} : { count: facts.count }),
    ...(facts.status === undefined ? {} : { status: statusWords[facts.status] }),
    ...(facts.closesOn === undefined ? {} : { closesOn: facts.closesOn }),
  };
}

/** Seals opened between two turns of the event loop: about 15 ms of decryption (0.3–0.6 ms each). */
const sealsPerTurn = 32;

/**
 * What `GET /api/notifications/me/data` gathers for one person. Everything but the seals is found by
 * an index on his id. The seals cannot be: each is randomised, so every seal is opened, in memory,
 * compared with his id and forgotten; only his own items come out, to him alone, and nothing is
 * logged. That is the use ADR 0030 trusts this service's key with (telling an author), extended to
 * showing an author what binds him. The cost grows with the number of items (about 0.5 ms a seal),
 * so one scan runs at a time in a process, and it yields to other requests as it goes.
 */
export class PersonalDataCollector {
  private readonly scans = new KeyedSerializer();

  constructor(
    private readonly store: NotificationStore,
    private readonly rosters: RosterStore,
    private readonly openSealed: OpenSealed,
  ) {}

  async collect(userId: string): Promise<CollectedPersonalData> {
    const [held, rosters, seals] = await Promise.all([
      this.store.heldAbout(userId),
      rosterRecordsOf(this.rosters, userId),
      this.sealedItemsOf(userId),
    ]);
    return {
      [notices.kind]: held.notices.map((notice) => ({
        ...factsRecord(notice),
        createdOn: notice.createdOn,
        read: notice.read,
      })),
      [preferences.kind]:
        held.preferences === undefined
          ? []
          : [
              {
                kinds: Object.fromEntries(
                  Object.entries(held.preferences).map(([kind, delivery]) => [
                    kindLabels[kind as keyof typeof kindLabels],
                    deliveryWords[delivery],
                  ]),
                ),
              },
            ],
      [address.kind]: held.address === undefined ? [] : [{ email: held.address }],
      [sealedAuthors.kind]: seals,
      [digest.kind]: held.digest.map((entry) => ({ day: entry.day, facts: factsRecord(entry.facts) })),
      [mails.kind]: held.mails.map((mail) => ({
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        state: mailStateWords[mail.state],
        attempts: mail.attempts,
        updatedOn: mail.updatedOn,
      })),
      [rosterPersonalData.kind]: rosters,
    };
  }

  /**
   * The items whose sealed author opens to this person, found by the one scan at a time: his export
   * shows them, and his erasure forgets their seals by the same search.
   */
  sealedItemsOf(userId: string): Promise<{ itemId: string; sealedIn?: string }[]> {
    return this.scans.run('seals', () => this.itemsAuthoredBy(userId));
  }

  private async itemsAuthoredBy(userId: string): Promise<{ itemId: string; sealedIn?: string }[]> {
    const items: { itemId: string; sealedIn?: string }[] = [];
    let opened = 0;
    for await (const { itemId, sealedAuthor, sealedIn } of this.store.sealedItemAuthors()) {
      if (this.openSealed(sealedAuthor) === userId) items.push({ itemId, ...(sealedIn ? { sealedIn } : {}) });
      if (++opened % sealsPerTurn === 0) await nextTurn();
    }
    return items.sort((a, b) => (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0));
  }
}
