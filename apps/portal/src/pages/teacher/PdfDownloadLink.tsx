import { useState, type MouseEvent } from 'react';
import { downloadBlob } from '../../components/download';
import { fr } from '../../i18n/fr';

interface PdfDownloadLinkProps {
  label: string;
  /** Read by screen readers after the label, so that links of the same words say which document. */
  context?: string;
  /** The API address of the document: the link's target, fetched with the user's token. */
  href: string;
  fileName: string;
  fetchPdf: () => Promise<Blob>;
}

/**
 * The DSFR download link for a PDF the API prints for the signed-in user. A plain link cannot send
 * the access token, so the click fetches the file with it and hands it to the browser's download.
 */
export function PdfDownloadLink({ label, context, href, fileName, fetchPdf }: PdfDownloadLinkProps) {
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');

  async function download(event: MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    if (state === 'busy') return;
    setState('busy');
    try {
      downloadBlob(fileName, await fetchPdf());
      setState('idle');
    } catch {
      setState('failed');
    }
  }

  return (
    <>
      <a href={href} className="fr-link fr-link--download" onClick={download}>
        {label}
        {context && <span className="fr-sr-only">{context}</span>}
        <span className="fr-link__detail">{fr.attestations.fileDetail}</span>
      </a>
      <span role="status" className="fr-sr-only">
        {state === 'busy' ? fr.attestations.downloading : ''}
      </span>
      {state === 'failed' && (
        <p role="alert" className="fr-error-text">
          {fr.attestations.downloadFailed}
        </p>
      )}
    </>
  );
}
