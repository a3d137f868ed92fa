import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { feedbackApi, unwrap } from '../../api/client';
import { describeError } from '../../api/errors';
import { useSubmitOnce } from '../../components/useSubmitOnce';
import { formatDate } from '../../i18n/format';
import { fr } from '../../i18n/fr';
import { MESSAGE_MAX_LENGTH } from '../teacher/feedback-policy';
import { replyAuthorLabel, statusChoices } from './trainer-rules';
import { trainerKeys, type FeedbackStatus, type InboxItem } from './trainer-queries';

const t = fr.trainer.inbox;
const statusSeverity = { open: 'new', acknowledged: 'info', addressed: 'success' } as const;

function StatusForm({ courseId, item }: { courseId: string; item: InboxItem }) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<FeedbackStatus>(item.status);
  const change = useMutation({
    mutationFn: (next: FeedbackStatus) =>
      unwrap(
        feedbackApi.PATCH('/feedback/{fid}', { params: { path: { fid: item.id } }, body: { status: next } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trainerKeys.inbox(courseId) }),
  });
  const submitOnce = useSubmitOnce(() => change.mutateAsync(status));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submitOnce();
  };
  const choices = statusChoices(item.status);
  if (choices.length === 1) return null;
  return (
    <form onSubmit={onSubmit} noValidate className="fr-mt-2w">
      <Select
        label={t.changeStatus}
        hint={t.statusHint}
        {...(change.isError
          ? { state: 'error' as const, stateRelatedMessage: describeError(change.error) }
          : {})}
        nativeSelectProps={{
          value: status,
          onChange: (event) => {
            change.reset();
            setStatus(event.target.value as FeedbackStatus);
          },
        }}
      >
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {t.status[choice]}
          </option>
        ))}
      </Select>
      <Button
        type="submit"
        priority="secondary"
        size="small"
        disabled={change.isPending || status === item.status}
      >
        {change.isPending ? fr.form.sending : t.saveStatus}
      </Button>
    </form>
  );
}

function ReplyForm({ courseId, item }: { courseId: string; item: InboxItem }) {
  const queryClient = useQueryClient();
  const [message, setMessage] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
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
      await queryClient.invalidateQueries({ queryKey: trainerKeys.inbox(courseId) });
    },
  });
  const submitOnce = useSubmitOnce(async () => {
    const text = message.trim();
    const found = !text
      ? t.writeReply
      : text.length > MESSAGE_MAX_LENGTH
        ? t.replyTooLong(MESSAGE_MAX_LENGTH)
        : undefined;
    setProblem(found);
    if (found) return;
    await reply.mutateAsync(text);
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submitOnce();
  };
  const error = problem ?? (reply.isError ? describeError(reply.error) : undefined);
  return (
    <form onSubmit={onSubmit} noValidate className="fr-mt-2w">
      <Input
        label={t.replyLabel}
        hintText={t.replyHint(MESSAGE_MAX_LENGTH)}
        textArea
        {...(error ? { state: 'error' as const, stateRelatedMessage: error } : {})}
        nativeTextAreaProps={{
          rows: 3,
          value: message,
          onChange: (event) => {
            setProblem(undefined);
            setMessage(event.target.value);
          },
        }}
      />
      <Button type="submit" size="small" disabled={reply.isPending}>
        {reply.isPending ? fr.form.sending : t.replySend}
      </Button>
      {reply.isSuccess && (
        <p role="status" className="fr-valid-text">
          {t.replySent}
        </p>
      )}
    </form>
  );
}

export function InboxItemView({ courseId, item }: { courseId: string; item: InboxItem }) {
  const titleId = useId();
  // An anonymous item shows what its author chose to say and nothing else: no name, no link.
  const author = item.visibility === 'named' ? item.author : undefined;
  return (
    <li className="fr-card fr-p-3w fr-mb-3w">
      <article aria-labelledby={titleId}>
        <h2 id={titleId} className="fr-h5 fr-mb-1w">
          {fr.vocabulary.categories[item.category]}
        </h2>
        <p className="fr-text--bold fr-mb-1w">
          {author ? t.by(author.name) : t.anonymous}
          {author?.formerParticipant && (
            <>
              {' '}
              <Badge as="span" small>
                {t.formerParticipant}
              </Badge>
            </>
          )}
        </p>
        <ul className="fr-badges-group">
          <li>
            <Badge severity={statusSeverity[item.status]} small>
              {t.status[item.status]}
            </Badge>
          </li>
          <li>
            <Badge small>{fr.vocabulary.intensityShort(item.intensity)}</Badge>
          </li>
        </ul>
        <p className="fr-text--sm fr-mb-1w">{t.postedOn(formatDate(item.postedOn))}</p>
        <p className="relais-message">{item.message}</p>
        <h3 className="fr-h6 fr-mb-1w">{t.replies}</h3>
        {item.replies.length === 0 ? (
          <p className="relais-empty">{t.noReply}</p>
        ) : (
          <ul className="relais-plain-list">
            {item.replies.map((reply) => (
              <li key={reply.id} className="fr-mb-2w relais-reply">
                <p className="fr-text--sm fr-text--bold fr-mb-0">
                  {replyAuthorLabel(item, reply)} — {formatDate(reply.postedOn)}
                </p>
                <p className="relais-message fr-mb-0">{reply.message}</p>
              </li>
            ))}
          </ul>
        )}
        <ReplyForm courseId={courseId} item={item} />
        <StatusForm key={item.status} courseId={courseId} item={item} />
      </article>
    </li>
  );
}
