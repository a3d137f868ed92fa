import { useCallback, useRef } from 'react';

/**
 * Runs `send` at most once at a time: a double click, or Enter pressed twice before React re-renders
 * the disabled button, does not create a duplicate.
 */
export function useSubmitOnce(send: () => Promise<unknown>): () => Promise<void> {
  const sending = useRef(false);
  return useCallback(async () => {
    if (sending.current) return;
    sending.current = true;
    try {
      await send();
    } catch {
      // The mutation's own state shows the error next to the form.
    } finally {
      sending.current = false;
    }
  }, [send]);
}
