import createClient, { type Middleware } from 'openapi-fetch';
import { accessToken } from '../auth/session';
import { apiErrorFrom, NetworkError } from './errors';
import type { paths as EnrollmentPaths } from './generated/enrollment';
import type { paths as FeedbackPaths } from './generated/feedback';
import type { paths as NotificationsPaths } from './generated/notifications';
import type { paths as ProgressPaths } from './generated/progress';
import type { paths as StatsPaths } from './generated/stats';

/** Every call carries the signed-in user's access token, renewed first when it is about to expire. */
const bearer: Middleware = {
  async onRequest({ request }) {
    const token = await accessToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
};

// Same origin as the portal: no CORS, and the same URLs behind standalone, the gateway or the ingress.
function clientFor<Paths extends object>(service: string) {
  const client = createClient<Paths>({ baseUrl: new URL(`/api/${service}`, window.location.origin).href });
  client.use(bearer);
  return client;
}

export const enrollmentApi = clientFor<EnrollmentPaths>('enrollment');
export const progressApi = clientFor<ProgressPaths>('progress');
export const feedbackApi = clientFor<FeedbackPaths>('feedback');
export const statsApi = clientFor<StatsPaths>('stats');
export const notificationsApi = clientFor<NotificationsPaths>('notifications');

interface FetchOutcome<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * The data of a successful call, or an ApiError built from the problem document: TanStack Query sees
 * a rejected promise and every screen shows the same French sentence for the same code.
 */
export async function unwrap<T>(call: Promise<FetchOutcome<T>>): Promise<T> {
  let outcome: FetchOutcome<T>;
  try {
    outcome = await call;
  } catch (cause) {
    throw new NetworkError(cause);
  }
  if (outcome.error !== undefined || !outcome.response.ok) {
    throw apiErrorFrom(outcome.response.status, outcome.error);
  }
  return outcome.data as T;
}
