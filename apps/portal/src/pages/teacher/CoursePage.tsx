import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { CallOut } from '@codegouvfr/react-dsfr/CallOut';
import { Tag } from '@codegouvfr/react-dsfr/Tag';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { enrollmentApi, unwrap } from '../../api/client';
import { describeError } from '../../api/errors';
import { useCourse, useMyEnrollments } from '../../api/queries';
import type { NoticeState } from '../../components/Notice';
import { ErrorNotice, Loading } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { useSubmitOnce } from '../../components/useSubmitOnce';
import { formatDay, formatHours } from '../../i18n/format';
import { fr } from '../../i18n/fr';

export default function CoursePage() {
  const { courseId = '' } = useParams();
  const course = useCourse(courseId);
  const myEnrollments = useMyEnrollments();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  usePageTitle(course.data?.title ?? fr.catalogue.title);

  const enroll = useMutation({
    mutationFn: () =>
      unwrap(
        enrollmentApi.POST('/courses/{id}/enrollments', { params: { path: { id: courseId } }, body: {} }),
      ),
    onSuccess: async (enrollment) => {
      await queryClient.invalidateQueries({ queryKey: ['enrollment'] });
      const state: NoticeState = { notice: fr.course.enrolledNotice(enrollment.title) };
      await navigate(`/mes-parcours/${courseId}`, { state });
    },
  });
  const submit = useSubmitOnce(() => enroll.mutateAsync());

  if (course.isPending) return <Loading />;
  if (course.isError) {
    return (
      <>
        <h1>{fr.catalogue.title}</h1>
        <ErrorNotice error={course.error} />
        <Link to="/catalogue" className="fr-link fr-icon-arrow-left-line fr-link--icon-left fr-mt-3w">
          {fr.course.back}
        </Link>
      </>
    );
  }
  const { title, description, themes, predictedHours, trainers, seatsLeft, status, closesOn } = course.data;
  const enrolled =
    myEnrollments.data?.enrollments.some((enrollment) => enrollment.courseId === courseId) ?? false;
  const trainerNames = trainers.map((trainer) => trainer.name).join(', ');

  return (
    <>
      <Link to="/catalogue" className="fr-link fr-icon-arrow-left-line fr-link--icon-left">
        {fr.course.back}
      </Link>
      <h1 className="fr-mt-3w">{title}</h1>
      <p className="fr-text--lead">{description}</p>
      <ul className="fr-tags-group" aria-label={fr.course.themes}>
        {themes.map((theme) => (
          <li key={theme}>
            <Tag>{theme}</Tag>
          </li>
        ))}
      </ul>
      <ul>
        <li>{fr.catalogue.predictedHours(formatHours(predictedHours))}</li>
        <li>{trainerNames ? fr.catalogue.trainers(trainerNames) : fr.catalogue.noTrainer}</li>
        <li>{fr.catalogue.seatsLeft(seatsLeft)}</li>
        {closesOn && <li>{fr.catalogue.closesOn(formatDay(closesOn))}</li>}
      </ul>
      <CallOut className="fr-mt-4w">{fr.course.voluntary}</CallOut>
      {enrolled ? (
        <>
          <p className="fr-text--bold">{fr.course.enrolled}</p>
          <Link to={`/mes-parcours/${courseId}`} className="fr-btn">
            {fr.course.open}
          </Link>
        </>
      ) : status === 'closed' ? (
        <p>{fr.course.closed}</p>
      ) : seatsLeft === 0 ? (
        <p>{fr.course.full}</p>
      ) : (
        <>
          {enroll.isError && (
            <div className="fr-mb-2w" role="alert">
              <Alert severity="error" small description={describeError(enroll.error)} />
            </div>
          )}
          <Button onClick={() => void submit()} disabled={enroll.isPending}>
            {enroll.isPending ? fr.course.enrolling : fr.course.enroll}
          </Button>
        </>
      )}
    </>
  );
}
