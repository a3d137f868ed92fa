import { Select } from '@codegouvfr/react-dsfr/Select';
import { Link, useParams, useSearchParams } from 'react-router';
import { useCourse } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { fr } from '../../i18n/fr';
import { InboxItemView } from './InboxItemView';
import { STATUSES } from './trainer-rules';
import { useInbox } from './trainer-queries';

const t = fr.trainer.inbox;

export default function FeedbackInboxPage() {
  const { courseId = '' } = useParams();
  const course = useCourse(courseId);
  const inbox = useInbox(courseId);
  const [search, setSearch] = useSearchParams();
  const requested = search.get('statut');
  const filter = STATUSES.find((status) => status === requested);
  usePageTitle(t.title);

  return (
    <>
      <Link
        to={`/formateur/parcours/${courseId}`}
        className="fr-link fr-icon-arrow-left-line fr-link--icon-left"
      >
        {course.data?.title ?? fr.trainer.course.back}
      </Link>
      <h1 className="fr-mt-3w">{t.title}</h1>
      <p>{t.lead}</p>
      <QueryState query={inbox} empty={t.empty} isEmpty={(data) => data.items.length === 0}>
        {(data) => {
          const shown = filter ? data.items.filter((item) => item.status === filter) : data.items;
          return (
            <>
              <p>{t.counts(data.counts.open, data.counts.acknowledged, data.counts.addressed)}</p>
              <Select
                label={t.filter}
                nativeSelectProps={{
                  value: filter ?? '',
                  onChange: (event) =>
                    setSearch(event.target.value ? { statut: event.target.value } : {}, { replace: true }),
                }}
              >
                <option value="">{t.all}</option>
                {STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {t.status[status]}
                  </option>
                ))}
              </Select>
              {shown.length === 0 ? (
                <p className="relais-empty" role="status">
                  {t.noMatch}
                </p>
              ) : (
                <ul className="relais-plain-list">
                  {shown.map((item) => (
                    <InboxItemView key={item.id} courseId={courseId} item={item} />
                  ))}
                </ul>
              )}
            </>
          );
        }}
      </QueryState>
    </>
  );
}
