import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { describeError } from '../../api/errors';
import { useParticipants, useSendMessage } from '../../api/queries';
import type { NoticeState } from '../../components/Notice';
import { ErrorNotice, Loading } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { useSubmitOnce } from '../../components/useSubmitOnce';
import { fr } from '../../i18n/fr';

/** "Contacter": a 1:1 message to a trainer or a colleague of the same course. */
export default function WriteMessagePage() {
  const { courseId = '', userId = '' } = useParams();
  const navigate = useNavigate();
  const participants = useParticipants(courseId);
  const recipient = participants.data?.find((person) => person.userId === userId);
  const send = useSendMessage(courseId);
  const [message, setMessage] = useState('');
  const [missing, setMissing] = useState(false);
  usePageTitle(recipient ? fr.messages.writeTitle(recipient.name) : fr.messages.title);

  const submitOnce = useSubmitOnce(async () => {
    setMissing(!message.trim());
    if (!message.trim() || !recipient) return;
    await send.mutateAsync({ toUserId: userId, message: message.trim() });
    const state: NoticeState = { notice: fr.messages.sent(recipient.name) };
    await navigate('/messages', { state });
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submitOnce();
  };

  if (participants.isPending) return <Loading />;
  if (participants.isError)
    return <ErrorNotice error={participants.error} onRetry={() => void participants.refetch()} />;
  if (!recipient) {
    return (
      <>
        <h1>{fr.messages.title}</h1>
        <p>{fr.messages.unknownRecipient}</p>
      </>
    );
  }
  const error = missing ? fr.feedback.writeMessage : undefined;
  return (
    <>
      <h1>{fr.messages.writeTitle(recipient.name)}</h1>
      <p>{fr.messages.writeLead}</p>
      <form onSubmit={onSubmit} noValidate>
        <Input
          label={fr.messages.message}
          textArea
          {...(error ? { state: 'error' as const, stateRelatedMessage: error } : {})}
          nativeTextAreaProps={{
            rows: 6,
            value: message,
            onChange: (event) => setMessage(event.target.value),
          }}
        />
        {send.isError && (
          <div className="fr-mb-3w" role="alert">
            <Alert severity="error" small description={describeError(send.error)} />
          </div>
        )}
        <Button type="submit" disabled={send.isPending}>
          {send.isPending ? fr.form.sending : fr.messages.send}
        </Button>
      </form>
    </>
  );
}
