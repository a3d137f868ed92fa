import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
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
import { useSubmitOnce } from '../../components/useSubmitOnce';
import { formatNumber } from '../../i18n/format';
import { fr } from '../../i18n/fr';
import {
  DESCRIPTION_MAX,
  emptyDraft,
  errorsOfCourseRefusal,
  validateCourse,
  type CourseBody,
  type CourseDraft,
  type CourseErrors,
  type CourseField,
} from './course-rules';
import { useUpdateCourse, type CourseUpdate } from './manager-queries';

const t = fr.manager.form;

/** What a course already is, as the manager sees it in the form (the catalogue has no ids, districts or capacity). */
function draftOf(course: Course): CourseDraft {
  return {
    ...emptyDraft,
    title: course.title,
    description: course.description,
    themes: course.themes.join(', '),
    predictedHours: formatNumber(course.predictedHours),
  };
}

/** Only what changed: the fields the catalogue cannot show are sent only when the manager fills them. */
function changesOf(body: CourseBody, course: Course): CourseUpdate {
  const changes: CourseUpdate = {};
  if (body.title !== course.title) changes.title = body.title;
  if (body.description !== course.description && body.description !== '')
    changes.description = body.description;
  if (body.themes.join(',') !== course.themes.join(',')) changes.themes = body.themes;
  if (body.predictedHours !== course.predictedHours) changes.predictedHours = body.predictedHours;
  if (body.trainerIds) changes.trainerIds = body.trainerIds;
  if (body.districts.length > 0) changes.districts = body.districts;
  if (body.capacity !== null) changes.capacity = body.capacity;
  return changes;
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
            trainerIds: body.trainerIds ?? [],
            ...(body.districts.length > 0 ? { districts: body.districts } : {}),
            ...(body.capacity !== null ? { capacity: body.capacity } : {}),
          },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['enrollment', 'courses'] }),
  });
  const update = useUpdateCourse();
  const pending = create.isPending || update.isPending;

  const change = (field: CourseField, value: string) => {
    setDraft((current) => ({ ...current, [field]: value }));
    // A corrected field loses its sentence at once; the others keep theirs until the next send.
    setErrors((current) => ({ ...current, [field]: undefined }));
    setGeneralError(undefined);
  };

  const submitOnce = useSubmitOnce(async () => {
    setGeneralError(undefined);
    const checked = validateCourse(draft, { trainersRequired: !course });
    if (checked.errors) {
      setErrors(checked.errors);
      const first = Object.keys(checked.errors)[0];
      document.getElementById(`parcours-${first}`)?.focus();
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
        document.getElementById(`parcours-${Object.keys(placed)[0]}`)?.focus();
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
  const inputProps = (name: CourseField) => ({
    id: `parcours-${name}`,
    value: draft[name],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => change(name, event.target.value),
  });
  const textAreaProps = (name: CourseField, rows: number) => ({
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
      <Input
        label={course ? t.trainersEdit : t.trainers}
        hintText={
          course
            ? `${t.trainersHint} ${t.currentTrainers(course.trainers.map((trainer) => trainer.name).join(', ') || '—')}`
            : t.trainersHint
        }
        textArea
        {...field('trainerIds')}
        nativeTextAreaProps={{ ...textAreaProps('trainerIds', 3), spellCheck: false, autoComplete: 'off' }}
      />
      <Input
        label={t.districts}
        hintText={course ? `${t.districtsHint} ${t.currentDistricts}` : t.districtsHint}
        {...field('districts')}
        nativeInputProps={inputProps('districts')}
      />
      <Input
        label={t.capacity}
        hintText={
          course
            ? t.currentCapacity(
                course.seatsLeft === null ? fr.manager.courses.unlimited : formatNumber(course.seatsLeft),
              )
            : t.capacityHint
        }
        {...field('capacity')}
        nativeInputProps={{ ...inputProps('capacity'), inputMode: 'numeric', autoComplete: 'off' }}
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
