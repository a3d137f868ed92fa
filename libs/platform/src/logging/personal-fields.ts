/**
 * Keys that hold personal data (token claims, profile fields, free text) or secrets. They are
 * removed from log lines at the top level and the two levels below, wherever they appear.
 */
export const PERSONAL_FIELDS = [
  // Token claims and profile fields (docs/api.md "Token claims used").
  'name',
  'given_name',
  'family_name',
  'preferred_username',
  'username',
  'displayName',
  'firstName',
  'lastName',
  'email',
  'sub',
  'userId',
  'teacherId',
  'trainerId',
  'trainerIds',
  'authorId',
  'toUserId',
  'fromUserId',
  'participants',
  'school',
  // Free text written by people.
  'message',
  'body',
  'text',
  'comment',
  'reply',
  // Credentials.
  'password',
  'token',
  'access_token',
  'refresh_token',
  'id_token',
  'authorization',
  'cookie',
  'set-cookie',
] as const;

/** Header maps where credentials hide under a lower-case key that is also worth naming explicitly. */
const HEADER_PATHS = [
  'headers.authorization',
  'headers.cookie',
  'req.headers.authorization',
  'req.headers.cookie',
  'request.headers.authorization',
  'request.headers.cookie',
  'res.headers["set-cookie"]',
  'response.headers["set-cookie"]',
];

function quoted(field: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(field) ? field : `["${field}"]`;
}

function join(prefix: string, field: string): string {
  const key = quoted(field);
  return key.startsWith('[') ? `${prefix}${key}` : `${prefix}.${key}`;
}

export function redactionPaths(fields: readonly string[] = PERSONAL_FIELDS): string[] {
  const paths = fields.flatMap((field) => [quoted(field), join('*', field), join('*.*', field)]);
  return [...paths, ...HEADER_PATHS];
}
