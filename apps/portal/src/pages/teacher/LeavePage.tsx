import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { enrollmentApi, unwrap } from '../../api/client';
import { describeError } from '../../api/errors';
import { useMyEnrollments } from '../../api/queries';
import type { NoticeState } from '../../components/Notice';
import { ErrorNotice, Loading } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { useSubmitOnce } from '../../components/useSubmitOnce';
import { fr } from '../../i18n/fr';

/** "Quitter le parcours": says what is kept before anything happens; no reason is asked. */
export default function LeavePage() {
  const { courseId = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const myEnrollments = useMyEnrollments();
  const enrollment = myEnrollments.data?.enrollments.find((candidate) => candidate.courseId === courseId);
  const title = enrollment?.title ?? '';
  usePageTitle(fr.leave.title(title));

  const leave = useMutation({
    mutationFn: () =>
      unwrap(enrollmentApi.DELETE('/courses/{id}/enrollments/me', { params: { path: { id: courseId } } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries();
      const state: NoticeState = { notice: fr.leave.left(title) };
      await navigate('/mes-parcours', { state, replace: true });
    },
  });
  const submitOnce = useSubmitOnce(() => leave.mutateAsync());

  if (myEnrollments.isPending) return <Loading />;
  if (myEnrollments.isError) return <ErrorNotice error={myEnrollments.error} />;
  if (!enrollment) {
    return (
      <>
        <h1>{fr.myCourses.title}</h1>
        <p>{fr.inCourse.notEnrolled}</p>
      </>
    );
  }
  return (
    <>
      <h1>{fr.leave.title(title)}</h1>
      <p className="fr-text--lead">{fr.leave.lead}</p>
      <h2>{fr.leave.kept}</h2>
      <ul>
        <li>{fr.leave.keptHours}</li>
        <li>{fr.leave.keptAnonymous}</li>
        <li>{fr.leave.keptNamed}</li>
      </ul>
      <h2>{fr.leave.changes}</h2>
      <p>{fr.leave.changesList}</p>
      {leave.isError && (
        <div className="fr-mb-3w" role="alert">
          <Alert severity="error" small description={describeError(leave.error)} />
        </div>
      )}
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <Button onClick={() => void submitOnce()} disabled={leave.isPending}>
            {fr.leave.confirm}
          </Button>
        </li>
        <li>
          <Link to={`/mes-parcours/${courseId}`} className="fr-btn fr-btn--secondary">
            {fr.leave.cancel}
          </Link>
        </li>
      </ul>
    </>
  );
}
