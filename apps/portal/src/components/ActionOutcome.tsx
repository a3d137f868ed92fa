import { describeError } from '../api/errors';

/**
 * What the last action on a list did: a polite status line (always present, so screen readers hear it
 * change) and, when the API refused, its French sentence as an alert.
 */
export function ActionOutcome({ said, error }: { said: string; error: unknown }) {
  return (
    <>
      <p role="status" className={said ? 'fr-valid-text fr-mb-2w' : 'fr-sr-only'}>
        {said}
      </p>
      {error != null && (
        <p role="alert" className="fr-error-text fr-mb-2w">
          {describeError(error)}
        </p>
      )}
    </>
  );
}
