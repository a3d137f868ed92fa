import { z } from 'zod';
import { defineEvent } from '../contract';
import { userId } from '../primitives';

/**
 * The one event that makes every service forget a person (GDPR article 17, ADR 0033). Its person is
 * sealed like any other (`persons`): the erasure must not become one more readable copy of his id. It
 * is keyed by the request, never by the person.
 */
export const personErased = defineEvent({
  type: 'identity.person.erased.v1',
  topic: 'identity.events.v1',
  classification: 'personal-reference',
  description:
    'A person was deleted from the identity provider, or an administrator erased him with a reason ' +
    'kept in the audit log (not here): every service forgets him, then his key is destroyed.',
  schema: z.object({ erasureId: z.uuid(), personId: userId }),
  keyOf: (data) => data.erasureId,
  persons: [{ at: '$', idField: 'personId', fields: ['personId'] }],
  example: {
    erasureId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    personId: 'a1f7c0de-0000-4000-8000-000000000101',
  },
});
