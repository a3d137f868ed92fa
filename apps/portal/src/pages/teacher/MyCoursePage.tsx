import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { progressApi, unwrap } from '../../api/client';
import { describeError } from '../../api/errors';
import {
  useCourse,
  keys,
  useMyEnrollments,
  useMyProgress,
  useParticipants,
  type MyProgress,
  type Participant,
} from '../../api/queries';
import { useAuth } from '../../auth/AuthProvider';
import { Notice } from '../../components/Notice';
import { ProgressBar } from '../../components/ProgressBar';
import { ErrorNotice, Loading, QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDay } from '../../i18n/format';
import { fr } from '../../i18n/fr';

function Activities({ courseId, progress }: { courseId: string; progress: MyProgress }) {
  const queryClient = useQueryClient();
  const declare = useMutation({
    mutationFn: ({ activityId, done }: { activityId: string; done: boolean }) =>
      unwrap(
        progressApi.PUT('/courses/{id}/activities/{activityId}/completion', {
          params: { path: { id: courseId, activityId } },
          body: { done },
        }),
      ),
    // The answer is the new progress: the bar moves without another round trip.
    onSuccess: (next) => queryClient.setQueryData(keys.myProgress(courseId), next),
  });

  return (
    <>
      <ProgressBar done={progress.done} total={progress.total} percent={progress.percent} />
      {declare.isError && (
        <p className="fr-error-text" role="alert">
          {describeError(declare.error)}
        </p>
      )}
      {progress.activities.length > 0 && (
        <Checkbox
          legend={fr.inCourse.activities}
          hintText={fr.inCourse.activitiesHint}
          options={progress.activities.map((activity) => ({
            label: `${activity.title}${activity.optional ? ` (${fr.inCourse.optional})` : ''}`,
            hintText: fr.vocabulary.activityKinds[activity.kind],
            nativeInputProps: {
              name: 'activites',
              value: activity.id,
              checked: activity.done,
              disabled: declare.isPending,
              onChange: (event) => declare.mutate({ activityId: activity.id, done: event.target.checked }),
            },
          }))}
        />
      )}
    </>
  );
}

function Participants({ courseId, participants }: { courseId: string; participants: Participant[] }) {
  const auth = useAuth();
  const me = auth.user?.profile.sub;
  return (
    <ul className="relais-plain-list">
      {participants.map((participant) => (
        <li key={participant.userId} className="fr-py-1w relais-participant">
          <span>
            {participant.name} {participant.userId === me && fr.inCourse.you}
          </span>
          {participant.role === 'trainer' && (
            <Badge small severity="new">
              {fr.inCourse.trainer}
            </Badge>
          )}
          {participant.userId !== me && (
            <Link
              to={`/messages/ecrire/${courseId}/${participant.userId}`}
              className="fr-btn fr-btn--sm fr-btn--tertiary"
              aria-label={fr.inCourse.contact(participant.name)}
            >
              {fr.inCourse.contactShort}
            </Link>
          )}
        </li>
      ))}
    </ul>
  );
}

export default function MyCoursePage() {
  const { courseId = '' } = useParams();
  const myEnrollments = useMyEnrollments();
  const progress = useMyProgress(courseId);
  const participants = useParticipants(courseId);
  // Only for the planned closing day, which the enrollment list does not carry: the page waits for nothing.
  const closesOn = useCourse(courseId).data?.closesOn;
  const enrollment = myEnrollments.data?.enrollments.find((candidate) => candidate.courseId === courseId);
  usePageTitle(enrollment ? fr.myCourses.courseTitle(enrollment.title) : fr.myCourses.title);

  if (myEnrollments.isPending) return <Loading />;
  if (myEnrollments.isError)
    return <ErrorNotice error={myEnrollments.error} onRetry={() => void myEnrollments.refetch()} />;
  if (!enrollment) {
    return (
      <>
        <h1>{fr.myCourses.title}</h1>
        <p>{fr.inCourse.notEnrolled}</p>
        <Link to={`/catalogue/${courseId}`} className="fr-link">
          {fr.myCourses.toCatalogue}
        </Link>
      </>
    );
  }

  return (
    <>
      <Link to="/mes-parcours" className="fr-link fr-icon-arrow-left-line fr-link--icon-left">
        {fr.myCourses.title}
      </Link>
      <h1 className="fr-mt-3w">{enrollment.title}</h1>
      <Notice />
      <p>
        <Badge as="span" severity={enrollment.status === 'completed' ? 'success' : 'info'}>
          {fr.vocabulary.enrollmentStatus[enrollment.status]}
        </Badge>
      </p>
      {closesOn && <p>{fr.catalogue.closesOn(formatDay(closesOn))}</p>}
      <div className="fr-grid-row fr-grid-row--gutters">
        <section className="fr-col-12 fr-col-md-7" aria-labelledby="titre-activites">
          <h2 id="titre-activites">{fr.inCourse.activities}</h2>
          <QueryState
            query={progress}
            empty={fr.progress.noActivity}
            isEmpty={(data) => data.activities.length === 0}
          >
            {(data) => <Activities courseId={courseId} progress={data} />}
          </QueryState>
        </section>
        <section className="fr-col-12 fr-col-md-5" aria-labelledby="titre-participants">
          <h2 id="titre-participants">{fr.inCourse.participants}</h2>
          <QueryState query={participants} empty={fr.inCourse.participantsEmpty}>
            {(data) => <Participants courseId={courseId} participants={data} />}
          </QueryState>
        </section>
      </div>
      <section className="fr-mt-4w" aria-labelledby="titre-retour">
        <h2 id="titre-retour">{fr.inCourse.giveFeedback}</h2>
        <p>{fr.inCourse.feedbackLead}</p>
        <ul className="fr-btns-group fr-btns-group--inline-md">
          <li>
            <Link to={`/mes-parcours/${courseId}/retour`} className="fr-btn">
              {fr.inCourse.giveFeedback}
            </Link>
          </li>
          <li>
            <Link to={`/mes-parcours/${courseId}/quitter`} className="fr-btn fr-btn--secondary">
              {fr.inCourse.leave}
            </Link>
          </li>
        </ul>
      </section>
    </>
  );
}
