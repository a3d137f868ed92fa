import { usePageTitle } from '../../components/usePageTitle';
import { fr } from '../../i18n/fr';
import { ErasureForm } from './ErasureForm';
import { ErasureList } from './ErasureList';
import { useRequestErasure } from './erasure-queries';

const t = fr.erasure;

/**
 * GDPR article 17 for administrators (role `ops`, ADR 0033): request that a person be forgotten by
 * every service, and follow each request until every service has and his key is destroyed. The page
 * shows no one's data: a person is named by his account's id, and the list says why, never whom.
 */
export default function ErasuresPage() {
  usePageTitle(t.title);
  const request = useRequestErasure();
  return (
    <>
      <h1>{t.title}</h1>
      <p className="fr-text--lead">{t.lead}</p>
      <section className="fr-mt-6w" aria-labelledby="demander-effacement">
        <h2 id="demander-effacement">{t.form.title}</h2>
        <p>{t.form.accountDeletion}</p>
        <ErasureForm send={request.mutateAsync} />
      </section>
      <section className="fr-mt-6w" aria-labelledby="demandes-effacement">
        <h2 id="demandes-effacement">{t.list.title}</h2>
        <ErasureList />
      </section>
    </>
  );
}
