import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { enrollmentApi, unwrap } from '../../api/client';
import { describeError } from '../../api/errors';
import type { Course } from '../../api/queries';
import { useAuth } from '../../auth/AuthProvider';
import { accessTokenClaims } from '../../auth/session';
import type { NoticeState } from '../../components/Notice';
import { ErrorNotice, Loading } from '../../components/QueryState';
import { useSubmitOnce } from '../../components/useSubmitOnce';
import { fr } from '../../i18n/fr';
import {
  changesOf,
  DESCRIPTION_MAX,
  draftOf,
  emptyDraft,
  errorsOfCourseRefusal,
  validateCourse,
  type CourseBody,
  type CourseDraft,
  type CourseErrors,
  type CourseField,
  type TextField,
} from './course-rules';
import { useAssignableTrainers, useUpdateCourse } from './manager-queries';

const t = fr.manager.form;

/** The error's field gets the focus; for the trainers' checkboxes, the first of them. */
function focusField(field: string) {
  const element = document.getElementById(`parcours-${field}`);
  if (element instanceof HTMLFieldSetElement) element.querySelector('input')?.focus();
  else element?.focus();
}

/**
 * The academy's trainers, ticked or not. A trainer of the course who is no longer in the academy's list
 * stays shown (and ticked) so that saving another field does not drop him silently.
 */
function TrainerChoice({
  course,
  chosen,
  error,
  onChange,
}: {
  course?: Course;
  chosen: readonly string[];
  error?: string;
  onChange: (trainerIds: string[]) => void;
}) {
  const trainers = useAssignableTrainers();
  const legend = t.trainers;
  if (!trainers.isSuccess)
    return (
      <fieldset className="fr-fieldset" id="parcours-trainerIds" aria-labelledby="parcours-trainerIds-legend">
        <legend id="parcours-trainerIds-legend" className="fr-fieldset__legend fr-text--regular">
          {legend}
        </legend>
        <div className="fr-fieldset__element">
          {trainers.isPending ? (
            <Loading label={t.trainersLoading} />
          ) : (
            <ErrorNotice error={trainers.error} onRetry={() => void trainers.refetch()} />
          )}
        </div>
      </fieldset>
    );
  const listed = new Set(trainers.data.map((trainer) => trainer.userId));
  const options = [
    ...trainers.data,
    ...(course?.trainers ?? []).flatMap((trainer) =>
      trainer.userId && !listed.has(trainer.userId) ? [{ userId: trainer.userId, name: trainer.name }] : [],
    ),
  ];
  if (options.length === 0)
    return (
      <fieldset className="fr-fieldset" id="parcours-trainerIds" aria-labelledby="parcours-trainerIds-legend">
        <legend id="parcours-trainerIds-legend" className="fr-fieldset__legend fr-text--regular">
          {legend}
        </legend>
        <p className="fr-fieldset__element relais-empty">{t.trainersEmpty}</p>
      </fieldset>
    );
  return (
    <Checkbox
      id="parcours-trainerIds"
      legend={legend}
      hintText={t.trainersHint}
      {...(error ? { state: 'error' as const, stateRelatedMessage: error } : {})}
      options={options.map((trainer) => ({
        label: trainer.name,
        nativeInputProps: {
          value: trainer.userId,
          checked: chosen.includes(trainer.userId),
          onChange: (event: React.ChangeEvent<HTMLInputElement>) =>
            onChange(
              event.target.checked
                ? [...chosen, trainer.userId]
                : chosen.filter((id) => id !== trainer.userId),
            ),
        },
      }))}
    />
  );
}

export function CourseForm({ course }: { course?: Course }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { user } = useAuth();
  // The services check the academy from the same token; the form only fills it in.
  const academy = user ? (accessTokenClaims(user) as { academy?: string }).academy : undefined;
  const initial = course ? draftOf(course) : emptyDraft;
  const [draft, setDraft] = useState<CourseDraft>(initial);
  const [errors, setErrors] = useState<CourseErrors>({});
  const [generalError, setGeneralError] = useState<string | undefined>();

  const create = useMutation({
    mutationFn: (body: CourseBody) =>
      unwrap(
        enrollmentApi.POST('/courses', {
          body: {
            title: body.title,
            ...(body.description ? { description: body.description } : {}),
            academy: academy ?? '',
            themes: body.themes,
            predictedHours: body.predictedHours,
            trainerIds: body.trainerIds,
            ...(body.districts.length > 0 ? { districts: body.districts } : {}),
            ...(body.capacity !== null ? { capacity: body.capacity } : {}),
            ...(body.closesOn !== null ? { closesOn: body.closesOn } : {}),
          },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['enrollment', 'courses'] }),
  });
  const update = useUpdateCourse();
  const pending = create.isPending || update.isPending;

  const change = <F extends CourseField>(field: F, value: CourseDraft[F]) => {
    setDraft((current) => ({ ...current, [field]: value }));
    // A corrected field loses its sentence at once; the others keep theirs until the next send.
    setErrors((current) => ({ ...current, [field]: undefined }));
    setGeneralError(undefined);
  };

  const submitOnce = useSubmitOnce(async () => {
    setGeneralError(undefined);
    const checked = validateCourse(draft);
    if (checked.errors) {
      setErrors(checked.errors);
      focusField(Object.keys(checked.errors)[0] ?? '');
      return;
    }
    setErrors({});
    try {
      let title = checked.body.title;
      if (course) {
        const changes = changesOf(checked.body, course);
        if (Object.keys(changes).length === 0) {
          setGeneralError(t.noChange);
          return;
        }
        title = (await update.mutateAsync({ id: course.id, body: changes })).title;
      } else {
        title = (await create.mutateAsync(checked.body)).title;
      }
      const state: NoticeState = { notice: course ? t.saved(title) : t.created(title) };
      await navigate('/gestion', { state });
    } catch (error) {
      // What the manager typed stays in the fields: only the sentences change.
      const placed = errorsOfCourseRefusal(error);
      if (placed) {
        setErrors(placed);
        focusField(Object.keys(placed)[0] ?? '');
      } else setGeneralError(describeError(error));
    }
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submitOnce();
  };

  const field = (name: CourseField) => ({
    ...(errors[name] ? { state: 'error' as const, stateRelatedMessage: errors[name] } : {}),
  });
  const inputProps = (name: TextField) => ({
    id: `parcours-${name}`,
    value: draft[name],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => change(name, event.target.value),
  });
  const textAreaProps = (name: TextField, rows: number) => ({
    id: `parcours-${name}`,
    rows,
    value: draft[name],
    onChange: (event: React.ChangeEvent<HTMLTextAreaElement>) => change(name, event.target.value),
  });

  if (!course && !academy) return <p>{t.noAcademy}</p>;

  return (
    <form onSubmit={onSubmit} noValidate>
      <p className="fr-text--sm">{t.lead}</p>
      <Input
        label={t.title}
        hintText={t.titleHint}
        {...field('title')}
        nativeInputProps={inputProps('title')}
      />
      <Input
        label={t.description}
        hintText={t.descriptionHint(DESCRIPTION_MAX)}
        textArea
        {...field('description')}
        nativeTextAreaProps={textAreaProps('description', 5)}
      />
      <Input
        label={t.themes}
        hintText={t.themesHint}
        {...field('themes')}
        nativeInputProps={inputProps('themes')}
      />
      <Input
        label={t.predictedHours}
        hintText={t.predictedHoursHint}
        {...field('predictedHours')}
        nativeInputProps={{ ...inputProps('predictedHours'), inputMode: 'decimal', autoComplete: 'off' }}
      />
      <TrainerChoice
        {...(course ? { course } : {})}
        chosen={draft.trainerIds}
        {...(errors.trainerIds ? { error: errors.trainerIds } : {})}
        onChange={(trainerIds) => change('trainerIds', trainerIds)}
      />
      <Input
        label={t.districts}
        hintText={t.districtsHint}
        {...field('districts')}
        nativeInputProps={inputProps('districts')}
      />
      <Input
        label={t.capacity}
        hintText={t.capacityHint}
        {...field('capacity')}
        nativeInputProps={{ ...inputProps('capacity'), inputMode: 'numeric', autoComplete: 'off' }}
      />
      <Input
        label={t.closesOn}
        hintText={t.closesOnHint}
        {...field('closesOn')}
        nativeInputProps={{ ...inputProps('closesOn'), autoComplete: 'off' }}
      />
      {generalError && (
        <div className="fr-mb-3w" role="alert">
          <Alert severity="error" small description={generalError} />
        </div>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? fr.form.sending : course ? t.save : t.create}
      </Button>
    </form>
  );
}
