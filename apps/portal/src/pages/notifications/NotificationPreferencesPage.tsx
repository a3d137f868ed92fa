import { Button } from '@codegouvfr/react-dsfr/Button';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import {
  useNotificationPreferences,
  useSetNotificationPreferences,
  type NotificationPreferences,
} from '../../api/notifications';
import { ActionOutcome } from '../../components/ActionOutcome';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { fr } from '../../i18n/fr';

type Kind = keyof NotificationPreferences;
type Delivery = NotificationPreferences[Kind];
const deliveries = ['immediate', 'daily-digest', 'off'] as const satisfies readonly Delivery[];

function PreferencesForm({
  saved,
  kinds,
}: {
  saved: NotificationPreferences;
  kinds: readonly { kind: Kind; label: string }[];
}) {
  const [choice, setChoice] = useState<NotificationPreferences>(saved);
  const save = useSetNotificationPreferences();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(choice);
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      {kinds.map(({ kind, label }) => (
        <RadioButtons
          key={kind}
          legend={label}
          name={`delivery-${kind}`}
          orientation="horizontal"
          options={deliveries.map((delivery) => ({
            label: fr.notifications.preferences.deliveries[delivery],
            nativeInputProps: {
              value: delivery,
              checked: choice[kind] === delivery,
              onChange: () => setChoice((current) => ({ ...current, [kind]: delivery })),
            },
          }))}
        />
      ))}
      <ActionOutcome said={save.isSuccess ? fr.notifications.preferences.saved : ''} error={save.error} />
      <Button type="submit" disabled={save.isPending}>
        {save.isPending ? fr.notifications.preferences.saving : fr.notifications.preferences.save}
      </Button>
    </form>
  );
}

/** Per kind of notification, how its mail comes: at once, in the daily digest, or not at all. */
export default function NotificationPreferencesPage() {
  usePageTitle(fr.notifications.preferences.title);
  const preferences = useNotificationPreferences();
  return (
    <>
      <h1>{fr.notifications.preferences.title}</h1>
      <p>{fr.notifications.preferences.lead}</p>
      <QueryState query={preferences} empty="" isEmpty={() => false}>
        {(data) => <PreferencesForm saved={data.preferences} kinds={data.kinds} />}
      </QueryState>
      <p className="fr-mt-4w">
        <Link to="/notifications" className="fr-link fr-icon-arrow-left-line fr-link--icon-left">
          {fr.notifications.preferences.back}
        </Link>
      </p>
    </>
  );
}
