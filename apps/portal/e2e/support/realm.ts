import { readFileSync } from 'node:fs';

const realmFile = new URL('../../../../deploy/keycloak/realm-relais.json', import.meta.url);
const users = (JSON.parse(readFileSync(realmFile, 'utf8')) as { users: { id: string; username: string }[] })
  .users;

/** The `sub` of a demo user, as the services know him (trainerIds, completion, messages). */
export function userId(username: string): string {
  const user = users.find((candidate) => candidate.username === username);
  if (!user) throw new Error(`the realm file has no user ${username}`);
  return user.id;
}
