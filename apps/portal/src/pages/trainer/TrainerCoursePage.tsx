import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { createModal } from '@codegouvfr/react-dsfr/Modal';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useCourse } from '../../api/queries';
import { ErrorNotice, Loading, QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { formatHours, formatPercent } from '../../i18n/format';
import { fr } from '../../i18n/fr';
import {
  useCompletions,
  useCourseProgress,
  useInbox,
  useSetCompletion,
  type ProgressRow,
} from './trainer-queries';
import type { Completions } from './completion-rules';
import { ActionOutcome } from '../../components/ActionOutcome';
import { TableFrame } from '../../components/TableFrame';

const t = fr.trainer.course;

const confirmModal = createModal({ id: 'confirmer-formation-terminee', isOpenedByDefault: false });

/** L8: one row per participant — name, indicative progress bar, done/total — and nothing else. */
function SyntheticRow({
  row,
  completed,
  pending,
  onComplete,
  onUndo,
}: {
  row: ProgressRow;
  completed: boolean;
  pending: boolean;
  onComplete: () => void;
  onUndo: () => void;
}) {
  const progressId = useId();
  return (
    <tr>
      <th scope="row">{row.name}</th>
      <td>
        <label htmlFor={progressId} className="fr-sr-only">
          {t.progressLabel(row.name)}
        </label>
        <progress id={progressId} className="relais-progress" max={Math.max(row.total, 1)} value={row.done}>
          {formatPercent(row.percent)}
        </progress>
      </td>
      <td>{t.doneOf(row.done, row.total)}</td>
      <td>
        {completed ? (
          <span className="relais-participant">
            <Badge small severity="success">
              {t.completed}
            </Badge>
            <Button
              priority="tertiary"
              size="small"
              disabled={pending}
              onClick={onUndo}
              aria-label={t.undoFor(row.name)}
            >
              {t.undo}
            </Button>
          </span>
        ) : (
          <Button
            priority="secondary"
            size="small"
            disabled={pending}
            onClick={onComplete}
            aria-label={t.markCompletedFor(row.name)}
          >
            {t.markCompleted}
          </Button>
        )}
      </td>
    </tr>
  );
}

function SyntheticView({
  courseId,
  rows,
  completions,
  predictedHours,
}: {
  courseId: string;
  rows: ProgressRow[];
  completions: Completions;
  predictedHours: number;
}) {
  const setCompletion = useSetCompletion(courseId);
  const [chosen, setChosen] = useState<ProgressRow | undefined>();
  const [notice, setNotice] = useState('');

  const change = (row: ProgressRow, completed: boolean) => {
    if (setCompletion.isPending) return;
    setNotice('');
    setCompletion.mutate(
      { teacherId: row.userId, completed },
      { onSuccess: () => setNotice(completed ? t.completedNotice(row.name) : t.undoneNotice(row.name)) },
    );
  };

  return (
    <>
      <ActionOutcome said={notice} error={setCompletion.isError ? setCompletion.error : null} />
      <TableFrame caption={t.caption} hiddenCaption>
        <thead>
          <tr>
            <th scope="col">{t.name}</th>
            <th scope="col">{t.progress}</th>
            <th scope="col">{t.doneOverTotal}</th>
            <th scope="col">{t.completion}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <SyntheticRow
              key={row.userId}
              row={row}
              completed={completions[row.userId] === true}
              pending={setCompletion.isPending}
              onComplete={() => {
                setChosen(row);
                confirmModal.open();
              }}
              onUndo={() => change(row, false)}
            />
          ))}
        </tbody>
      </TableFrame>
      <p className="fr-text--sm">{t.completionHint}</p>
      <confirmModal.Component
        title={t.confirmTitle}
        buttons={[
          { children: t.cancel, priority: 'secondary' },
          { children: t.confirm, onClick: () => chosen && change(chosen, true) },
        ]}
      >
        {chosen ? t.confirmBody(chosen.name, formatHours(predictedHours)) : null}
      </confirmModal.Component>
    </>
  );
}

/** A 1:1 message to one participant: the shared writing page does the rest. */
function Contact({ courseId, rows }: { courseId: string; rows: ProgressRow[] }) {
  const [userId, setUserId] = useState('');
  return (
    <section className="fr-mt-4w" aria-labelledby="titre-contact">
      <h2 id="titre-contact">{t.contact}</h2>
      <p>{t.contactLead}</p>
      <Select
        label={t.contactWho}
        nativeSelectProps={{ value: userId, onChange: (event) => setUserId(event.target.value) }}
      >
        <option value="">{t.contactChoose}</option>
        {rows.map((row) => (
          <option key={row.userId} value={row.userId}>
            {row.name}
          </option>
        ))}
      </Select>
      {userId && (
        <Link to={`/messages/ecrire/${courseId}/${userId}`} className="fr-btn fr-btn--secondary">
          {t.contactGo}
        </Link>
      )}
    </section>
  );
}

export default function TrainerCoursePage() {
  const { courseId = '' } = useParams();
  const course = useCourse(courseId);
  const progress = useCourseProgress(courseId);
  const completions = useCompletions(courseId);
  const inbox = useInbox(courseId);
  usePageTitle(course.data?.title ?? t.synthetic);

  if (course.isPending) return <Loading />;
  if (course.isError) return <ErrorNotice error={course.error} onRetry={() => void course.refetch()} />;

  return (
    <>
      <Link to="/formateur" className="fr-link fr-icon-arrow-left-line fr-link--icon-left">
        {t.back}
      </Link>
      <h1 className="fr-mt-3w">{course.data.title}</h1>
      <nav aria-labelledby="titre-outils" className="fr-mb-4w">
        <h2 id="titre-outils" className="fr-sr-only">
          {t.tools}
        </h2>
        <ul className="fr-btns-group fr-btns-group--inline-md">
          <li>
            <Link to={`/formateur/parcours/${courseId}/retours`} className="fr-btn">
              {t.inboxWithCount(inbox.data?.openItems ?? 0)}
            </Link>
          </li>
          <li>
            <Link to={`/formateur/parcours/${courseId}/activites`} className="fr-btn fr-btn--secondary">
              {t.activities}
            </Link>
          </li>
        </ul>
      </nav>
      <section aria-labelledby="titre-synthese">
        <h2 id="titre-synthese">{t.synthetic}</h2>
        <p>{t.syntheticLead}</p>
        <QueryState query={progress} empty={t.empty}>
          {(rows) =>
            // Without the completions a row would offer "Formation terminée" for a training already marked.
            completions.isPending ? (
              <Loading />
            ) : completions.isError ? (
              <ErrorNotice error={completions.error} onRetry={() => void completions.refetch()} />
            ) : (
              <SyntheticView
                courseId={courseId}
                rows={rows}
                completions={completions.data}
                predictedHours={course.data.predictedHours}
              />
            )
          }
        </QueryState>
      </section>
      {progress.data && progress.data.length > 0 && <Contact courseId={courseId} rows={progress.data} />}
    </>
  );
}
