import { useId } from 'react';
import { formatPercent } from '../i18n/format';
import { fr } from '../i18n/fr';

/**
 * DSFR has no progress bar: a native <progress> with its label, always called indicative, because a
 * teacher ticks activities herself and nothing measures time (L2).
 */
export function ProgressBar({ done, total, percent }: { done: number; total: number; percent: number }) {
  const id = useId();
  if (total === 0) return <p className="fr-text--sm">{fr.progress.noActivity}</p>;
  return (
    <div className="fr-mb-3w">
      <label htmlFor={id} className="fr-label">
        {fr.progress.label} <span className="fr-hint-text">{fr.progress.indicative}</span>
      </label>
      <progress id={id} className="relais-progress fr-mt-1w" max={total} value={done}>
        {formatPercent(percent)}
      </progress>
      <p className="fr-text--sm fr-mb-0">{fr.progress.summary(done, total, formatPercent(percent))}</p>
    </div>
  );
}
