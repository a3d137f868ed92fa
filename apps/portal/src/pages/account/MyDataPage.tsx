import { Accordion } from '@codegouvfr/react-dsfr/Accordion';
import { Button } from '@codegouvfr/react-dsfr/Button';
import type { UseQueryResult } from '@tanstack/react-query';
import { Link } from 'react-router';
import { myDataServices, useMyData, useNotRecorded, type PersonalDataExport } from '../../api/my-data';
import { downloadText } from '../../components/download';
import { QueryState } from '../../components/QueryState';
import { TableFrame } from '../../components/TableFrame';
import { usePageTitle } from '../../components/usePageTitle';
import { fr } from '../../i18n/fr';

const t = fr.myData;
type ExportedKind = PersonalDataExport['kinds'][number];

/** A stored value as a person reads it; nested values (a list of replies) stay readable as JSON. */
function shown(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'boolean') return value ? t.yes : t.no;
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.join(', ');
  return JSON.stringify(value);
}

function KindRecords({ kind }: { kind: ExportedKind }) {
  if (kind.records.length === 0) return <p className="relais-empty">{t.noRecord}</p>;
  // Only the columns some record fills: a kind declares more than one person ever has.
  const columns = kind.fields.filter((field) =>
    kind.records.some((record) => record[field.field] !== undefined),
  );
  return (
    <TableFrame caption={t.recordsCaption(kind.label)} hiddenCaption scrollable>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.field} scope="col">
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {kind.records.map((record, index) => (
          <tr key={index}>
            {columns.map((column) => (
              <td key={column.field}>{shown(record[column.field])}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </TableFrame>
  );
}

function KindPurposes({ kind }: { kind: ExportedKind }) {
  return (
    <Accordion label={t.whyTitle(kind.label)} titleAs="h4">
      <TableFrame caption={t.whyCaption(kind.label)} hiddenCaption scrollable>
        <thead>
          <tr>
            <th scope="col">{t.columns.field}</th>
            <th scope="col">{t.columns.purpose}</th>
            <th scope="col">{t.columns.legalBasis}</th>
            <th scope="col">{t.columns.retention}</th>
          </tr>
        </thead>
        <tbody>
          {kind.fields.map((field) => (
            <tr key={field.field}>
              <th scope="row">{field.label}</th>
              <td>{field.purpose}</td>
              <td>{field.legalBasis}</td>
              <td>{field.retention}</td>
            </tr>
          ))}
        </tbody>
      </TableFrame>
    </Accordion>
  );
}

function ServiceData({ service, query }: { service: string; query: UseQueryResult<PersonalDataExport> }) {
  return (
    <section className="fr-mt-6w" aria-labelledby={`donnees-${service}`}>
      <h2 id={`donnees-${service}`}>{t.services[service] ?? service}</h2>
      {t.serviceIntros[service] && <p>{t.serviceIntros[service]}</p>}
      <QueryState query={query} empty={t.holdsNothing} isEmpty={(data) => data.kinds.length === 0}>
        {(data) =>
          data.kinds.map((kind) => (
            <div key={kind.kind} className="fr-mt-4w">
              <h3 className="fr-h5">{kind.label}</h3>
              <KindRecords kind={kind} />
              <KindPurposes kind={kind} />
            </div>
          ))
        }
      </QueryState>
    </section>
  );
}

function NotRecorded() {
  const notRecorded = useNotRecorded();
  return (
    <section className="fr-mt-6w" aria-labelledby="non-enregistre">
      <h2 id="non-enregistre">{t.notRecordedTitle}</h2>
      <p>{t.notRecordedIntro}</p>
      <QueryState
        query={notRecorded}
        empty={t.notRecordedEmpty}
        isEmpty={(data) => data.categories.length === 0}
      >
        {(data) => (
          <ul>
            {data.categories.map((category) => (
              <li key={category.category}>{category.label}</li>
            ))}
          </ul>
        )}
      </QueryState>
      <p>
        <Link to="/ce-que-relais-n-enregistre-pas" className="fr-link">
          {t.notRecordedLink}
        </Link>
      </p>
    </section>
  );
}

/** GDPR article 17: how to have everything erased, what stays and why, before anyone asks for it. */
function ErasureSection() {
  const words = t.erasure;
  return (
    <section className="fr-mt-6w" aria-labelledby="effacement">
      <h2 id="effacement">{words.title}</h2>
      <p>{words.how}</p>
      <p>{words.before}</p>
      <h3 className="fr-h5">{words.erasedTitle}</h3>
      <p>{words.erased}</p>
      <h3 className="fr-h5">{words.keptTitle}</h3>
      <ul>
        {words.kept.map((kept) => (
          <li key={kept}>{kept}</li>
        ))}
      </ul>
      <p>{words.account}</p>
      <Link to="/donnees-personnelles" className="fr-link">
        {t.rightsLink}
      </Link>
    </section>
  );
}

/**
 * GDPR articles 15 and 20 for the signed-in person: each service's own answer, shown in French and
 * downloadable as one file. Every role has one: a trainer or an inspector is a person too.
 */
export default function MyDataPage() {
  usePageTitle(t.title);
  const queries = useMyData();
  const everyAnswer = queries.every((query) => query.isSuccess);
  const download = () => {
    const day = new Date().toISOString().slice(0, 10);
    const services = queries.map((query) => query.data);
    downloadText(
      t.fileName(day),
      `${JSON.stringify({ exportedOn: day, services }, null, 2)}\n`,
      'application/json',
    );
  };
  return (
    <>
      <h1>{t.title}</h1>
      <p className="fr-text--lead">{t.lead}</p>
      <Button iconId="fr-icon-download-line" onClick={download} disabled={!everyAnswer}>
        {t.download}
      </Button>
      <p className="fr-hint-text fr-mt-1w">{everyAnswer ? t.downloadHint : t.downloadWaiting}</p>
      {myDataServices.map((service, index) => {
        const query = queries[index];
        return query ? <ServiceData key={service} service={service} query={query} /> : null;
      })}
      <NotRecorded />
      <ErasureSection />
    </>
  );
}
