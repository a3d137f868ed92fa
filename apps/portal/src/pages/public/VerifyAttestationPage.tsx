import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { enrollmentApi, unwrap } from '../../api/client';
import { ApiError } from '../../api/errors';
import { ErrorNotice, Loading } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate, formatHours } from '../../i18n/format';
import { fr } from '../../i18n/fr';

const v = fr.attestations.verify;

/** lyon → Lyon, aix-marseille → Aix-Marseille, as the attestation prints it. */
const academyName = (slug: string) =>
  slug
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('-');

/**
 * Public, like the address printed on every attestation: whoever holds the document checks it here,
 * without an account. It shows what the document states and nothing more (ADR 0031).
 */
export default function VerifyAttestationPage() {
  usePageTitle(v.title);
  const { code = '' } = useParams();
  const verification = useQuery({
    queryKey: ['enrollment', 'verify', code],
    queryFn: () => unwrap(enrollmentApi.GET('/verify/{code}', { params: { path: { code } } })),
    retry: false,
  });

  return (
    <>
      <h1>{v.title}</h1>
      <p className="fr-text--lead">{v.lead}</p>
      {verification.isPending && <Loading label={v.checking} />}
      {verification.isError &&
        (verification.error instanceof ApiError && [400, 404].includes(verification.error.status) ? (
          <Alert
            as="h2"
            severity="error"
            title={v.notFound}
            description={verification.error.status === 400 ? v.malformedBody : v.notFoundBody}
          />
        ) : (
          <ErrorNotice error={verification.error} onRetry={() => void verification.refetch()} />
        ))}
      {verification.data && (
        <>
          <Alert as="h2" severity="success" title={v.valid} description={v.validBody} className="fr-mb-4w" />
          <dl className="relais-attestation">
            <dt>{v.fields.teacher}</dt>
            <dd>{verification.data.teacherName}</dd>
            <dt>{v.fields.course}</dt>
            <dd>{verification.data.courseTitle}</dd>
            <dt>{v.fields.academy}</dt>
            <dd>{academyName(verification.data.academy)}</dd>
            <dt>{v.fields.completedOn}</dt>
            <dd>{formatDate(`${verification.data.completedOn}T12:00:00`)}</dd>
            <dt>{v.fields.hours}</dt>
            <dd>{formatHours(verification.data.creditedHours)}</dd>
            <dt>{v.fields.trainers(verification.data.trainerNames.length)}</dt>
            <dd>{verification.data.trainerNames.join(', ')}</dd>
            <dt>{v.fields.code}</dt>
            <dd>{verification.data.code}</dd>
          </dl>
        </>
      )}
    </>
  );
}
