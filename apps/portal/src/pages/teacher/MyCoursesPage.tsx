import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { useQueries } from '@tanstack/react-query';
import { Link } from 'react-router';
import { enrollmentApi, progressApi, unwrap } from '../../api/client';
import { keys, useMyAttestations, useMyEnrollments } from '../../api/queries';
import { Notice } from '../../components/Notice';
import { ProgressBar } from '../../components/ProgressBar';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { formatHours } from '../../i18n/format';
import { fr } from '../../i18n/fr';
import { PdfDownloadLink } from './PdfDownloadLink';

const apiPath = (path: string) => `/api/enrollment${path}`;

const attestationPdf = (courseId: string) =>
  unwrap(
    enrollmentApi.GET('/me/attestations/{courseId}.pdf', {
      params: { path: { courseId } },
      parseAs: 'blob',
    }),
  );

const schoolYearPdf = (schoolYear: string) =>
  unwrap(
    enrollmentApi.GET('/me/attestations/school-years/{schoolYear}.pdf', {
      params: { path: { schoolYear } },
      parseAs: 'blob',
    }),
  );

export default function MyCoursesPage() {
  usePageTitle(fr.myCourses.title);
  const myEnrollments = useMyEnrollments();
  const enrollments = myEnrollments.data?.enrollments ?? [];
  // Attestations are asked for once there is a completed course to attest.
  const myAttestations = useMyAttestations(enrollments.some(({ status }) => status === 'completed'));
  const attestationOf = (courseId: string) =>
    myAttestations.data?.attestations.find((attestation) => attestation.courseId === courseId);
  const schoolYears = myAttestations.data?.schoolYears ?? [];
  const progress = useQueries({
    queries: enrollments.map((enrollment) => ({
      queryKey: keys.myProgress(enrollment.courseId),
      queryFn: () =>
        unwrap(
          progressApi.GET('/courses/{id}/progress/me', { params: { path: { id: enrollment.courseId } } }),
        ),
    })),
  });

  return (
    <>
      <h1>{fr.myCourses.title}</h1>
      <Notice />
      <QueryState
        query={myEnrollments}
        empty={
          <>
            {fr.myCourses.empty}{' '}
            <Link to="/catalogue" className="fr-link">
              {fr.myCourses.toCatalogue}
            </Link>
          </>
        }
        isEmpty={(data) => data.enrollments.length === 0}
      >
        {(data) => (
          <>
            <p className="fr-text--lg fr-text--bold fr-mb-1w">
              {fr.myCourses.total(formatHours(data.totalCreditedHours))}
            </p>
            <p className="fr-text--sm">{fr.myCourses.totalHint}</p>
            {schoolYears.length > 0 && (
              <section className="fr-mb-4w" aria-labelledby="school-years-title">
                <h2 id="school-years-title" className="fr-h5 fr-mb-1w">
                  {fr.attestations.years.title}
                </h2>
                <p className="fr-text--sm">{fr.attestations.years.lead}</p>
                <ul className="relais-plain-list">
                  {schoolYears.map((year) => (
                    <li key={year.schoolYear} className="fr-mb-1w">
                      <PdfDownloadLink
                        label={fr.attestations.years.download(year.schoolYear)}
                        href={apiPath(`/me/attestations/school-years/${year.schoolYear}.pdf`)}
                        fileName={`heures-de-formation-${year.schoolYear}.pdf`}
                        fetchPdf={() => schoolYearPdf(year.schoolYear)}
                      />
                      <p className="fr-text--xs fr-mb-0">
                        {fr.attestations.years.detail(year.courses, formatHours(year.totalCreditedHours))}
                      </p>
                    </li>
                  ))}
                </ul>
              </section>
            )}
            <ul className="relais-plain-list">
              {data.enrollments.map((enrollment, index) => {
                const mine = progress[index]?.data;
                return (
                  <li key={enrollment.courseId} className="fr-card fr-p-3w fr-mb-3w">
                    <h2 className="fr-h4 fr-mb-1w">
                      <Link to={`/mes-parcours/${enrollment.courseId}`}>{enrollment.title}</Link>
                    </h2>
                    <p className="fr-mb-1w">
                      <span className="fr-sr-only">{fr.myCourses.status} : </span>
                      <Badge
                        as="span"
                        severity={enrollment.status === 'completed' ? 'success' : 'info'}
                        small
                      >
                        {fr.vocabulary.enrollmentStatus[enrollment.status]}
                      </Badge>
                    </p>
                    {mine && <ProgressBar done={mine.done} total={mine.total} percent={mine.percent} />}
                    <p className="fr-mb-0">
                      {fr.myCourses.creditedHours(formatHours(enrollment.creditedHours))}
                    </p>
                    {enrollment.status === 'completed' && attestationOf(enrollment.courseId) && (
                      <div className="fr-mt-2w">
                        <PdfDownloadLink
                          label={fr.attestations.download}
                          context={fr.attestations.downloadFor(enrollment.title)}
                          href={apiPath(`/me/attestations/${enrollment.courseId}.pdf`)}
                          fileName={`attestation-formation-${enrollment.courseId}.pdf`}
                          fetchPdf={() => attestationPdf(enrollment.courseId)}
                        />
                      </div>
                    )}
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </QueryState>
    </>
  );
}
