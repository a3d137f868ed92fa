import { readFileSync } from 'node:fs';
import { demoRealmFile } from '../relais-client';
import { clientCredentialsGrant } from '../tokens';

/** The demo realm's user administrator (manage-users): people are deleted as an administrator does. */
const USER_ADMIN_CLIENT = 'relais-demo-user-admin';

export interface NewTeacher {
  username: string;
  firstName: string;
  lastName: string;
  email: string;
  academy: string;
  district: string;
  school: string;
}

export interface KeycloakAdmin {
  /** Creates an enabled teacher whose password is his username, as the demo users'; returns his id. */
  createTeacher(teacher: NewTeacher): Promise<string>;
  deleteUser(id: string): Promise<void>;
}

/**
 * The Keycloak admin REST API through the demo realm's user administrator, for tests that need a
 * person of their own: created, then deleted, which Keycloak records as an admin event.
 */
export async function keycloakAdmin(baseUrl: string, realm = 'relais'): Promise<KeycloakAdmin> {
  const clients = (
    JSON.parse(readFileSync(demoRealmFile, 'utf8')) as { clients: { clientId: string; secret?: string }[] }
  ).clients;
  const token = await clientCredentialsGrant({
    baseUrl,
    realm,
    clientId: USER_ADMIN_CLIENT,
    clientSecret: clients.find((client) => client.clientId === USER_ADMIN_CLIENT)?.secret ?? '',
  });
  const admin = `${baseUrl.replace(/\/+$/, '')}/admin/realms/${realm}`;
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${admin}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`Keycloak admin ${method} ${path}: ${response.status}`);
    return response;
  };
  return {
    async createTeacher(teacher) {
      const created = await call('POST', '/users', {
        username: teacher.username,
        firstName: teacher.firstName,
        lastName: teacher.lastName,
        email: teacher.email,
        emailVerified: true,
        enabled: true,
        attributes: { academy: [teacher.academy], district: [teacher.district], school: [teacher.school] },
        credentials: [{ type: 'password', value: teacher.username, temporary: false }],
      });
      const id = created.headers.get('location')?.split('/').pop();
      if (!id) throw new Error('Keycloak created the user without saying where');
      const role = await (await call('GET', '/roles/teacher')).json();
      await call('POST', `/users/${id}/role-mappings/realm`, [role]);
      return id;
    },
    async deleteUser(id) {
      await call('DELETE', `/users/${id}`);
    },
  };
}
