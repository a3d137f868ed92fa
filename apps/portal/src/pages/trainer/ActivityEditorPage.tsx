import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { progressApi, unwrap } from '../../api/client';
import { describeError } from '../../api/errors';
import { useCourse } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { useSubmitOnce } from '../../components/useSubmitOnce';
import { fr } from '../../i18n/fr';
import {
  ACTIVITIES_MAX,
  ACTIVITY_KINDS,
  errorsOfRefusal,
  hasErrors,
  toRequestBody,
  validateActivities,
  type ActivityDraft,
  type ActivityErrors,
} from './activity-rules';
import { trainerKeys, useActivities } from './trainer-queries';

const t = fr.trainer.activities;

function errorState(message: string | undefined) {
  return message ? { state: 'error' as const, stateRelatedMessage: message } : {};
}

function Editor({ courseId, initial }: { courseId: string; initial: ActivityDraft[] }) {
  const queryClient = useQueryClient();
  const nextKey = useRef(initial.length);
  const [drafts, setDrafts] = useState<ActivityDraft[]>(initial);
  const [errors, setErrors] = useState<ActivityErrors[]>([]);
  const [generalError, setGeneralError] = useState<string | undefined>();

  const save = useMutation({
    mutationFn: (body: ReturnType<typeof toRequestBody>) =>
      unwrap(progressApi.PUT('/courses/{id}/activities', { params: { path: { id: courseId } }, body })),
    onSuccess: (saved) => queryClient.setQueryData(trainerKeys.activities(courseId), saved),
  });

  const update = (index: number, change: Partial<ActivityDraft>) => {
    save.reset();
    setDrafts((current) => current.map((draft, at) => (at === index ? { ...draft, ...change } : draft)));
    setErrors((current) =>
      current.map((row, at) =>
        at === index
          ? {
              ...row,
              ...('id' in change ? { id: undefined } : {}),
              ...('title' in change ? { title: undefined } : {}),
            }
          : row,
      ),
    );
  };
  const move = (index: number, by: -1 | 1) => {
    save.reset();
    setErrors([]);
    setDrafts((current) => {
      const next = [...current];
      const [moved] = next.splice(index, 1);
      if (moved) next.splice(index + by, 0, moved);
      return next;
    });
  };
  const remove = (index: number) => {
    save.reset();
    setErrors([]);
    setDrafts((current) => current.filter((_, at) => at !== index));
  };
  const add = () => {
    save.reset();
    nextKey.current += 1;
    setDrafts((current) => [
      ...current,
      { key: `nouvelle-${nextKey.current}`, id: '', title: '', kind: 'resource', optional: false },
    ]);
  };

  const submitOnce = useSubmitOnce(async () => {
    setGeneralError(undefined);
    const found = validateActivities(drafts);
    setErrors(found);
    if (hasErrors(found)) {
      const row = found.findIndex((candidate) => candidate.id || candidate.title);
      const field = found[row]?.id ? 'id' : 'titre';
      document.getElementById(`activite-${row}-${field}`)?.focus();
      return;
    }
    try {
      await save.mutateAsync(toRequestBody(drafts));
    } catch (error) {
      const placed = errorsOfRefusal(error, drafts);
      // What the trainer typed stays in the fields: only the sentences change.
      if (placed) setErrors(placed);
      else setGeneralError(describeError(error));
      throw error;
    }
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submitOnce();
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      {drafts.length === 0 && <p className="relais-empty">{t.empty}</p>}
      {drafts.map((draft, index) => {
        const position = index + 1;
        const rowErrors = errors[index] ?? {};
        return (
          <fieldset key={draft.key} className="fr-fieldset fr-card fr-p-2w fr-mb-2w">
            <legend className="fr-fieldset__legend fr-h6">{t.legend(position)}</legend>
            <div className="fr-fieldset__element">
              <Input
                label={t.id}
                hintText={t.idHint}
                {...errorState(rowErrors.id)}
                nativeInputProps={{
                  id: `activite-${index}-id`,
                  value: draft.id,
                  autoComplete: 'off',
                  spellCheck: false,
                  onChange: (event) => update(index, { id: event.target.value }),
                }}
              />
            </div>
            <div className="fr-fieldset__element">
              <Input
                label={t.titleLabel}
                {...errorState(rowErrors.title)}
                nativeInputProps={{
                  id: `activite-${index}-titre`,
                  value: draft.title,
                  onChange: (event) => update(index, { title: event.target.value }),
                }}
              />
            </div>
            <div className="fr-fieldset__element">
              <Select
                label={t.kind}
                nativeSelectProps={{
                  value: draft.kind,
                  onChange: (event) => update(index, { kind: event.target.value as ActivityDraft['kind'] }),
                }}
              >
                {ACTIVITY_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {fr.vocabulary.activityKinds[kind]}
                  </option>
                ))}
              </Select>
            </div>
            <div className="fr-fieldset__element">
              <Checkbox
                small
                options={[
                  {
                    label: t.optional,
                    nativeInputProps: {
                      checked: draft.optional,
                      onChange: (event) => update(index, { optional: event.target.checked }),
                    },
                  },
                ]}
              />
            </div>
            {/* Inside an element of the fieldset: DSFR gives the fieldset negative side margins that its
                elements compensate; a bare group of buttons overflows a 320 px screen (RGAA 10.11). */}
            <div className="fr-fieldset__element">
              <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">
                <li>
                  <Button
                    type="button"
                    priority="tertiary"
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                  >
                    {t.moveUp(position)}
                  </Button>
                </li>
                <li>
                  <Button
                    type="button"
                    priority="tertiary"
                    disabled={index === drafts.length - 1}
                    onClick={() => move(index, 1)}
                  >
                    {t.moveDown(position)}
                  </Button>
                </li>
                <li>
                  <Button type="button" priority="tertiary" onClick={() => remove(index)}>
                    {t.remove(position)}
                  </Button>
                </li>
              </ul>
            </div>
          </fieldset>
        );
      })}
      {generalError && (
        <div className="fr-mb-3w" role="alert">
          <Alert severity="error" small description={generalError} />
        </div>
      )}
      {save.isSuccess && (
        <p role="status" className="fr-valid-text fr-mb-2w">
          {t.saved}
        </p>
      )}
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <Button type="button" priority="secondary" onClick={add} disabled={drafts.length >= ACTIVITIES_MAX}>
            {t.add}
          </Button>
        </li>
        <li>
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? fr.form.sending : t.save}
          </Button>
        </li>
      </ul>
    </form>
  );
}

export default function ActivityEditorPage() {
  const { courseId = '' } = useParams();
  const course = useCourse(courseId);
  const activities = useActivities(courseId);
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
      <p className="fr-text--sm">{t.removedWarning}</p>
      {/* Never "empty": an empty list is where the trainer adds the first activity. */}
      <QueryState query={activities} empty={t.empty} isEmpty={() => false}>
        {(saved) => (
          <Editor
            courseId={courseId}
            initial={saved.map((activity, index) => ({ ...activity, key: `existante-${index}` }))}
          />
        )}
      </QueryState>
    </>
  );
}
