/**
 * Rejects with `timeoutError()` (or an Error of that message) if `promise` has not settled within `ms`.
 * The timer never keeps Node alive and is cleared as soon as the promise settles.
 */
export async function withTimeout<T>(
  promise: Promise<T>,
  ms: number,
  timeoutError: string | (() => Error),
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(typeof timeoutError === 'string' ? new Error(timeoutError) : timeoutError()),
      ms,
    );
    timer.unref();
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
