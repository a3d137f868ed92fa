import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { ToggleSwitch } from '@codegouvfr/react-dsfr/ToggleSwitch';
import { useState } from 'react';
import { QueryState } from '../../components/QueryState';
import { TableFrame } from '../../components/TableFrame';
import { formatDateTime } from '../../i18n/format';
import { fr } from '../../i18n/fr';
import { useErasures } from './erasure-queries';
import { pendingCount, servicesNamed, type ErasureView } from './erasure-rules';

const t = fr.erasure.list;

function ErasureRow({ erasure }: { erasure: ErasureView }) {
  const source = t.sources[erasure.source];
  return (
    <tr>
      <th scope="row">{formatDateTime(erasure.requestedAt)}</th>
      <td>{erasure.requestedByMe ? `${source}, ${t.byYou}` : source}</td>
      <td className="relais-message">{erasure.reason}</td>
      <td>
        <Badge as="span" small severity={erasure.status === 'done' ? 'success' : 'info'}>
          {t.status[erasure.status]}
        </Badge>
        {erasure.status === 'pending' && erasure.servicesPending.length > 0 && (
          <p className="fr-text--sm fr-mt-1w fr-mb-0">
            {t.servicesPending(servicesNamed(erasure.servicesPending))}
          </p>
        )}
      </td>
    </tr>
  );
}

/** The requests, the latest first: when, from where, why, and how far each went. */
export function ErasureTable({ erasures }: { erasures: readonly ErasureView[] }) {
  return (
    <TableFrame caption={t.caption} hiddenCaption scrollable>
      <thead>
        <tr>
          <th scope="col">{t.columns.requestedAt}</th>
          <th scope="col">{t.columns.source}</th>
          <th scope="col">{t.columns.reason}</th>
          <th scope="col">{t.columns.status}</th>
        </tr>
      </thead>
      <tbody>
        {erasures.map((erasure) => (
          <ErasureRow key={erasure.erasureId} erasure={erasure} />
        ))}
      </tbody>
    </TableFrame>
  );
}

/**
 * Every erasure, pending or done, with the services still to forget the person. While one is pending
 * the list reads itself again every few seconds, an update the administrator can stop (WCAG 2.2.2:
 * content that updates by itself can be paused) and replace by the button.
 */
export function ErasureList() {
  const [autoRefresh, setAutoRefresh] = useState(true);
  const erasures = useErasures(autoRefresh);
  return (
    <>
      <p>{t.lead}</p>
      <ToggleSwitch
        label={t.autoRefresh}
        helperText={t.autoRefreshHint}
        checked={autoRefresh}
        onChange={setAutoRefresh}
        showCheckedHint={false}
        labelPosition="right"
      />
      <Button
        className="fr-mt-2w fr-mb-3w"
        priority="secondary"
        size="small"
        iconId="fr-icon-refresh-line"
        onClick={() => void erasures.refetch()}
      >
        {t.refresh}
      </Button>
      <QueryState query={erasures} empty={t.empty} isEmpty={(data) => data.erasures.length === 0}>
        {(data) => {
          const pending = pendingCount(data.erasures);
          return (
            <>
              <p role="status" className="fr-text--sm">
                {pending > 0 ? t.pending(pending) : t.nonePending}
              </p>
              <ErasureTable erasures={data.erasures} />
            </>
          );
        }}
      </QueryState>
    </>
  );
}
