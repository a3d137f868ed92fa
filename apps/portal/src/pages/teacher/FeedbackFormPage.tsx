import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { feedbackApi, unwrap } from '../../api/client';
import { ApiError, describeError } from '../../api/errors';
import { keys, useFeedbackOptions, useMyEnrollments } from '../../api/queries';
import type { NoticeState } from '../../components/Notice';
import { usePageTitle } from '../../components/usePageTitle';
import { useSubmitOnce } from '../../components/useSubmitOnce';
import { fr } from '../../i18n/fr';
import { FEEDBACK_CATEGORIES, INTENSITIES, MESSAGE_MAX_LENGTH } from './feedback-policy';

type Category = (typeof FEEDBACK_CATEGORIES)[number];
type Visibility = 'named' | 'anonymous';
type Field = 'category' | 'intensity' | 'message' | 'visibility';

interface Draft {
  category: Category | '';
  intensity: number | 0;
  message: string;
  visibility: Visibility | '';
}

/** Which field a refusal is about, so its sentence shows next to that field. */
const FIELD_OF_CODE: Record<string, Field> = { ANONYMITY_THRESHOLD: 'visibility', BODY_TOO_LARGE: 'message' };

function validate(draft: Draft): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  if (!draft.category) errors.category = fr.feedback.chooseCategory;
  if (!draft.intensity) errors.intensity = fr.feedback.chooseIntensity;
  if (!draft.message.trim()) errors.message = fr.feedback.writeMessage;
  else if (draft.message.length > MESSAGE_MAX_LENGTH)
    errors.message = fr.feedback.tooLong(MESSAGE_MAX_LENGTH);
  if (!draft.visibility) errors.visibility = fr.feedback.chooseVisibility;
  return errors;
}

function refusedField(error: unknown): Field | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const byCode = FIELD_OF_CODE[error.code];
  if (byCode) return byCode;
  return error
    .fields()
    .find((path): path is Field => ['category', 'intensity', 'message', 'visibility'].includes(path));
}

export default function FeedbackFormPage() {
  const { courseId = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const enrollment = useMyEnrollments().data?.enrollments.find(
    (candidate) => candidate.courseId === courseId,
  );
  // The service says whether it would accept an anonymous item now; it still decides when it is sent.
  const options = useFeedbackOptions(courseId).data;
  const anonymousPossible = options?.anonymousAvailable ?? true;
  usePageTitle(fr.feedback.title);

  const [draft, setDraft] = useState<Draft>({ category: '', intensity: 0, message: '', visibility: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  // A corrected field loses its error sentence at once; the others keep theirs until the next send.
  const change = <F extends Field>(field: F, value: Draft[F]) => {
    setDraft((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };

  const send = useMutation({
    mutationFn: (body: { category: Category; intensity: number; message: string; visibility: Visibility }) =>
      unwrap(feedbackApi.POST('/courses/{id}/feedback', { params: { path: { id: courseId } }, body })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.myFeedback });
      const state: NoticeState = { notice: fr.feedback.sent };
      await navigate('/mes-retours', { state });
    },
    onError: (error) => {
      const field = refusedField(error);
      // The typed text stays: only the error sentences change.
      if (field) setErrors({ [field]: describeError(error) });
    },
  });

  const submitOnce = useSubmitOnce(async () => {
    const found = validate(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      const first = Object.keys(found)[0];
      document
        .querySelector<HTMLElement>(`[data-field="${first}"] input, [data-field="${first}"] textarea`)
        ?.focus();
      return;
    }
    await send.mutateAsync({
      category: draft.category as Category,
      intensity: draft.intensity,
      message: draft.message.trim(),
      visibility: draft.visibility as Visibility,
    });
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submitOnce();
  };
  const stateOf = (field: Field) => {
    const error = errors[field];
    return error ? { state: 'error' as const, stateRelatedMessage: error } : {};
  };
  const generalError = send.isError && !refusedField(send.error) ? describeError(send.error) : undefined;

  return (
    <>
      <Link to={`/mes-parcours/${courseId}`} className="fr-link fr-icon-arrow-left-line fr-link--icon-left">
        {enrollment?.title ?? fr.myCourses.title}
      </Link>
      <h1 className="fr-mt-3w">{fr.feedback.title}</h1>
      <p>{fr.feedback.lead}</p>
      <form onSubmit={onSubmit} noValidate>
        <div data-field="category">
          <RadioButtons
            legend={fr.feedback.category}
            name="categorie"
            {...stateOf('category')}
            options={FEEDBACK_CATEGORIES.map((category) => ({
              label: fr.vocabulary.categories[category],
              nativeInputProps: {
                value: category,
                checked: draft.category === category,
                onChange: () => change('category', category),
              },
            }))}
          />
        </div>
        <div data-field="intensity">
          <RadioButtons
            legend={fr.feedback.intensity}
            name="intensite"
            {...stateOf('intensity')}
            options={INTENSITIES.map((level) => ({
              label: `${level} — ${fr.vocabulary.intensities[level]}`,
              nativeInputProps: {
                value: String(level),
                checked: draft.intensity === level,
                onChange: () => change('intensity', level),
              },
            }))}
          />
        </div>
        <div data-field="message">
          <Input
            label={fr.feedback.message}
            hintText={fr.feedback.messageHint(MESSAGE_MAX_LENGTH)}
            textArea
            {...stateOf('message')}
            nativeTextAreaProps={{
              name: 'message',
              rows: 6,
              value: draft.message,
              onChange: (event) => change('message', event.target.value),
            }}
          />
          <p className="fr-hint-text fr-mt-n2w fr-mb-3w" aria-live="polite">
            {fr.feedback.remaining(Math.max(0, MESSAGE_MAX_LENGTH - draft.message.length))}
          </p>
        </div>
        <div data-field="visibility">
          <RadioButtons
            legend={fr.feedback.visibility}
            {...(options ? { hintText: fr.feedback.threshold(options.anonymityThreshold) } : {})}
            name="visibilite"
            {...stateOf('visibility')}
            options={[
              {
                label: fr.feedback.named,
                hintText: fr.feedback.namedHint,
                nativeInputProps: {
                  value: 'named',
                  checked: draft.visibility === 'named',
                  onChange: () => change('visibility', 'named'),
                },
              },
              {
                label: fr.feedback.anonymous,
                hintText: anonymousPossible
                  ? fr.feedback.anonymousHint
                  : `${fr.feedback.anonymousHint} ${fr.feedback.belowThreshold(options?.anonymityThreshold ?? 0)}`,
                nativeInputProps: {
                  value: 'anonymous',
                  checked: draft.visibility === 'anonymous',
                  disabled: !anonymousPossible,
                  onChange: () => change('visibility', 'anonymous'),
                },
              },
            ]}
          />
        </div>
        {generalError && (
          <div className="fr-mb-3w" role="alert">
            <Alert severity="error" small description={generalError} />
          </div>
        )}
        <Button type="submit" disabled={send.isPending}>
          {send.isPending ? fr.form.sending : fr.feedback.send}
        </Button>
      </form>
    </>
  );
}
