import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { feedbackApi, unwrap } from '../../api/client';
import { describeError } from '../../api/errors';
import { keys, useMyFeedback, type MyFeedbackItem } from '../../api/queries';
import { Notice } from '../../components/Notice';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { useSubmitOnce } from '../../components/useSubmitOnce';
import { formatDate } from '../../i18n/format';
import { fr } from '../../i18n/fr';

const statusSeverity = { open: 'info', acknowledged: 'new', addressed: 'success' } as const;

function ReplyForm({ item }: { item: MyFeedbackItem }) {
  const queryClient = useQueryClient();
  const [message, setMessage] = useState('');
  const [missing, setMissing] = useState(false);
  const reply = useMutation({
    mutationFn: (text: string) =>
      unwrap(
        feedbackApi.POST('/feedback/{fid}/replies', {
          params: { path: { fid: item.id } },
          body: { message: text },
        }),
      ),
    onSuccess: async () => {
      setMessage('');
      await queryClient.invalidateQueries({ queryKey: keys.myFeedback });
    },
  });
  const submitOnce = useSubmitOnce(async () => {
    setMissing(!message.trim());
    if (!message.trim()) return;
    await reply.mutateAsync(message.trim());
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submitOnce();
  };
  const error = missing ? fr.feedback.writeMessage : reply.isError ? describeError(reply.error) : undefined;
  return (
    <form onSubmit={onSubmit} noValidate className="fr-mt-2w">
      <Input
        label={fr.myFeedback.replyLabel}
        textArea
        {...(error ? { state: 'error' as const, stateRelatedMessage: error } : {})}
        nativeTextAreaProps={{ rows: 2, value: message, onChange: (event) => setMessage(event.target.value) }}
      />
      <Button type="submit" priority="secondary" size="small" disabled={reply.isPending}>
        {reply.isPending ? fr.form.sending : fr.myFeedback.replySend}
      </Button>
      {reply.isSuccess && (
        <p role="status" className="fr-valid-text">
          {fr.myFeedback.replySent}
        </p>
      )}
    </form>
  );
}

function FeedbackItem({ item }: { item: MyFeedbackItem }) {
  const titleId = useId();
  return (
    <li className="fr-card fr-p-3w fr-mb-3w">
      <article aria-labelledby={titleId}>
        <h2 id={titleId} className="fr-h5 fr-mb-1w">
          {item.courseTitle} — {fr.vocabulary.categories[item.category]}
        </h2>
        <ul className="fr-badges-group">
          <li>
            <Badge severity={statusSeverity[item.status]} small>
              {fr.vocabulary.feedbackStatus[item.status]}
            </Badge>
          </li>
          <li>
            <Badge small>{fr.vocabulary.visibility[item.visibility]}</Badge>
          </li>
          <li>
            <Badge small>{fr.vocabulary.intensityShort(item.intensity)}</Badge>
          </li>
        </ul>
        <p className="fr-text--sm fr-mb-1w">{fr.myFeedback.postedOn(formatDate(item.postedOn))}</p>
        <p className="relais-message">{item.message}</p>
        <h3 className="fr-h6 fr-mb-1w">{fr.myFeedback.replies}</h3>
        {item.replies.length === 0 ? (
          <p className="relais-empty">{fr.myFeedback.noReply}</p>
        ) : (
          <ul className="relais-plain-list">
            {item.replies.map((reply) => (
              <li key={reply.id} className="fr-mb-2w relais-reply">
                <p className="fr-text--sm fr-text--bold fr-mb-0">
                  {reply.by === 'author' ? fr.myFeedback.byYou : (reply.name ?? fr.myFeedback.byTrainer)} —{' '}
                  {formatDate(reply.postedOn)}
                </p>
                <p className="relais-message fr-mb-0">{reply.message}</p>
              </li>
            ))}
          </ul>
        )}
        <ReplyForm item={item} />
      </article>
    </li>
  );
}

export default function MyFeedbackPage() {
  usePageTitle(fr.myFeedback.title);
  const myFeedback = useMyFeedback();
  return (
    <>
      <h1>{fr.myFeedback.title}</h1>
      <p>{fr.myFeedback.lead}</p>
      <Notice />
      <QueryState query={myFeedback} empty={fr.myFeedback.empty}>
        {(items) => (
          <ul className="relais-plain-list">
            {items.map((item) => (
              <FeedbackItem key={item.id} item={item} />
            ))}
          </ul>
        )}
      </QueryState>
    </>
  );
}
