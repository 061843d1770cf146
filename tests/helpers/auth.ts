import crypto from 'crypto';
import type { TestApp } from './strapi';

export interface TestUser {
  id: number;
  documentId: string;
  email: string;
  username: string;
  password: string;
  jwt: string;
}

export interface TestAdmin {
  id: number;
  email: string;
  password: string;
  token: string;
}

const unique = () => crypto.randomBytes(5).toString('hex');

/** Logs in through the real users-permissions route and returns the JWT. */
export const loginUser = async (app: TestApp, identifier: string, password: string): Promise<string> => {
  const res = await app.http().post('/api/auth/local').send({ identifier, password });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.jwt;
};

/**
 * Creates a confirmed users-permissions user with the given role type ('authenticated' by default)
 * and logs in through /api/auth/local for a JWT.
 */
export const createUser = async (
  app: TestApp,
  options: { roleType?: string; username?: string; email?: string; password?: string } = {}
): Promise<TestUser> => {
  const name = options.username ?? `reader_${unique()}`;
  const email = options.email ?? `${name}@example.test`;
  const password = options.password ?? 'Reader-Password-1';
  const role = await app.strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: options.roleType ?? 'authenticated' } });
  if (!role) throw new Error(`no users-permissions role of type ${options.roleType}`);
  const user = await app.strapi.plugin('users-permissions').service('user').add({
    username: name,
    email,
    password,
    provider: 'local',
    confirmed: true,
    blocked: false,
    role: role.id,
  });
  const jwt = await loginUser(app, email, password);
  return { id: user.id, documentId: user.documentId, email, username: name, password, jwt };
};

/** Creates an active admin user holding the admin roles with these codes, and logs in through /admin/login. */
export const createAdmin = async (app: TestApp, roleCodes: string[] = ['strapi-super-admin']): Promise<TestAdmin> => {
  const email = `admin_${unique()}@example.test`;
  const password = 'Admin-Password-1';
  const roles = await app.strapi.db.query('admin::role').findMany({ where: { code: { $in: roleCodes } } });
  if (roles.length !== roleCodes.length) throw new Error(`missing admin roles among ${roleCodes.join(', ')}`);
  const admin = await app.strapi.service('admin::user').create({
    email,
    firstname: 'Test',
    lastname: roleCodes.join('+'),
    password,
    isActive: true,
    roles: roles.map((role: { id: number }) => role.id),
  });
  const res = await app.http().post('/admin/login').send({ email, password });
  if (res.status !== 200) throw new Error(`admin login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: admin.id, email, password, token: res.body.data.token };
};

/** Creates an API token ('full-access', 'read-only' or 'custom' with permissions) and returns its access key. */
export const createApiToken = async (
  app: TestApp,
  options: { type?: 'full-access' | 'read-only' | 'custom'; permissions?: string[] } = {}
): Promise<string> => {
  const token = await app.strapi.service('admin::api-token').create({
    name: `token_${unique()}`,
    description: 'test token',
    type: options.type ?? 'full-access',
    lifespan: null,
    permissions: options.permissions ?? [],
  });
  return token.accessKey;
};
