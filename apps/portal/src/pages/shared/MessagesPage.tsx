import { Link } from 'react-router';
import { useMyMessages } from '../../api/queries';
import { useAuth } from '../../auth/AuthProvider';
import { Notice } from '../../components/Notice';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime } from '../../i18n/format';
import { fr } from '../../i18n/fr';

/** Messages to and from the signed-in person, teacher or trainer, newest first. */
export default function MessagesPage() {
  usePageTitle(fr.messages.title);
  const messages = useMyMessages();
  const me = useAuth().user?.profile.sub;
  return (
    <>
      <h1>{fr.messages.title}</h1>
      <p>{fr.messages.lead}</p>
      <Notice />
      <QueryState query={messages} empty={fr.messages.empty}>
        {(all) => (
          <ul className="relais-plain-list">
            {[...all]
              .sort((a, b) => b.sentOn.localeCompare(a.sentOn))
              .map((message) => {
                const fromMe = message.from.userId === me;
                const other = fromMe ? message.to : message.from;
                return (
                  <li key={message.id} className="fr-card fr-p-3w fr-mb-2w">
                    <p className="fr-text--bold fr-mb-1w">
                      {fromMe ? fr.messages.to(other.name) : fr.messages.from(other.name)}{' '}
                      <span className="fr-text--regular">
                        {fr.messages.sentOn(formatDateTime(message.sentOn))}
                      </span>
                    </p>
                    <p className="relais-message">{message.message}</p>
                    <Link
                      to={`/messages/ecrire/${message.courseId}/${other.userId}`}
                      className="fr-link"
                      aria-label={`${fr.messages.answer} : ${fr.messages.writeTitle(other.name)}`}
                    >
                      {fr.messages.answer}
                    </Link>
                  </li>
                );
              })}
          </ul>
        )}
      </QueryState>
    </>
  );
}
