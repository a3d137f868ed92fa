import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMarkRead, useMyNotifications } from '../../api/notifications';
import { ActionOutcome } from '../../components/ActionOutcome';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate } from '../../i18n/format';
import { fr } from '../../i18n/fr';

/** The notification centre of a teacher or a trainer: what happened, where to look, read or not. */
export default function NotificationsPage() {
  usePageTitle(fr.notifications.title);
  const notices = useMyNotifications();
  const markRead = useMarkRead();
  const [said, setSaid] = useState('');
  return (
    <>
      <h1>{fr.notifications.title}</h1>
      <p>{fr.notifications.lead}</p>
      <p className="fr-text--sm">{fr.notifications.anonymousDigest}</p>
      <p>
        <Link to="/notifications/preferences" className="fr-link">
          {fr.notifications.preferencesLink}
        </Link>
      </p>
      <ActionOutcome said={said} error={markRead.error} />
      <QueryState
        query={notices}
        empty={fr.notifications.empty}
        isEmpty={(data) => data.notifications.length === 0}
      >
        {(data) => (
          <ul className="relais-plain-list">
            {data.notifications.map((notice) => (
              <li key={notice.id} className="fr-card fr-p-3w fr-mb-2w">
                <p className="fr-mb-1w">
                  <Badge severity={notice.read ? 'info' : 'new'} small noIcon>
                    {notice.read ? fr.notifications.read : fr.notifications.unread}
                  </Badge>{' '}
                  <span className="fr-text--sm">
                    {fr.notifications.receivedOn(formatDate(notice.createdOn))}
                  </span>
                </p>
                <p className={notice.read ? 'fr-mb-1w' : 'fr-text--bold fr-mb-1w'}>{notice.text}</p>
                <Link
                  to={notice.link}
                  className="fr-link fr-mr-3w"
                  aria-label={fr.notifications.openLabel(notice.text)}
                >
                  {fr.notifications.open}
                </Link>
                {!notice.read && (
                  <Button
                    priority="tertiary"
                    size="small"
                    disabled={markRead.isPending}
                    nativeButtonProps={{ 'aria-label': fr.notifications.markReadLabel(notice.text) }}
                    onClick={() =>
                      markRead.mutate(notice.id, { onSuccess: () => setSaid(fr.notifications.markedRead) })
                    }
                  >
                    {fr.notifications.markRead}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </>
  );
}
