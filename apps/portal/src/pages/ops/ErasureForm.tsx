import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useState, type FormEvent } from 'react';
import { describeError } from '../../api/errors';
import { useSubmitOnce } from '../../components/useSubmitOnce';
import { fr } from '../../i18n/fr';
import {
  emptyErasureDraft,
  errorsOfErasureRefusal,
  validateErasure,
  type ErasureBody,
  type ErasureDraft,
  type ErasureErrors,
  type ErasureField,
} from './erasure-rules';

const t = fr.erasure.form;

/** The field's input gets the focus, so the person hears its error sentence first; for the confirmation, its checkbox. */
function focusField(field: string | undefined) {
  const element = field ? document.getElementById(`effacement-${field}`) : null;
  if (element instanceof HTMLFieldSetElement) element.querySelector('input')?.focus();
  else element?.focus();
}

/**
 * The request for an erasure: who (an id, never a name), why (kept three years in the audit), and an
 * explicit confirmation that it cannot be undone, with what stays said just above it. `send` is the
 * request itself (the page gives the mutation), so the form's behaviour is testable on its own.
 */
export function ErasureForm({ send }: { send: (body: ErasureBody) => Promise<unknown> }) {
  const [draft, setDraft] = useState<ErasureDraft>(emptyErasureDraft);
  const [errors, setErrors] = useState<ErasureErrors>({});
  const [generalError, setGeneralError] = useState<string | undefined>();
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState(false);

  const change = <F extends ErasureField>(field: F, value: ErasureDraft[F]) => {
    setDraft((current) => ({ ...current, [field]: value }));
    // A corrected field loses its sentence at once; the others keep theirs until the next send.
    setErrors((current) => ({ ...current, [field]: undefined }));
    setGeneralError(undefined);
  };

  const submitOnce = useSubmitOnce(async () => {
    setSent(false);
    setGeneralError(undefined);
    const checked = validateErasure(draft);
    if (checked.errors) {
      setErrors(checked.errors);
      focusField(Object.keys(checked.errors)[0]);
      return;
    }
    setErrors({});
    setSending(true);
    try {
      await send(checked.body);
      // Done: the next request starts from empty fields, and its confirmation must be given again.
      setDraft(emptyErasureDraft);
      setSent(true);
    } catch (error) {
      // What the administrator typed stays in the fields: only the sentences change.
      const placed = errorsOfErasureRefusal(error);
      if (placed) {
        setErrors(placed);
        focusField(Object.keys(placed)[0]);
      } else setGeneralError(describeError(error));
    } finally {
      setSending(false);
    }
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submitOnce();
  };

  const stateOf = (field: ErasureField) => {
    const error = errors[field];
    return error ? { state: 'error' as const, stateRelatedMessage: error } : {};
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <p className="fr-text--sm">{t.required}</p>
      <Input
        label={t.personId}
        hintText={t.personIdHint}
        {...stateOf('personId')}
        nativeInputProps={{
          id: 'effacement-personId',
          value: draft.personId,
          autoComplete: 'off',
          spellCheck: false,
          onChange: (event) => change('personId', event.target.value),
        }}
      />
      <Input
        label={t.reason}
        hintText={t.reasonHint}
        textArea
        {...stateOf('reason')}
        nativeTextAreaProps={{
          id: 'effacement-reason',
          rows: 3,
          value: draft.reason,
          onChange: (event) => change('reason', event.target.value),
        }}
      />
      <h3 className="fr-h6">{t.consequencesTitle}</h3>
      <ul>
        {t.consequences.map((consequence) => (
          <li key={consequence}>{consequence}</li>
        ))}
      </ul>
      <Checkbox
        // On the fieldset: DSFR ties each label to an input id of its own making.
        id="effacement-confirmed"
        legend={t.confirmLegend}
        {...stateOf('confirmed')}
        options={[
          {
            label: t.confirm,
            hintText: t.confirmHint,
            nativeInputProps: {
              checked: draft.confirmed,
              onChange: (event) => change('confirmed', event.target.checked),
            },
          },
        ]}
      />
      {generalError && <Alert className="fr-mb-3w" severity="error" small description={generalError} />}
      {/* Always present, so that a screen reader hears the confirmation when it appears; politely. */}
      <div role="status" className={sent ? 'fr-mb-3w' : undefined}>
        {sent && <Alert role={undefined} severity="success" small description={t.sent} />}
      </div>
      <Button type="submit" disabled={sending}>
        {sending ? fr.form.sending : t.submit}
      </Button>
    </form>
  );
}
