import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, createApiToken, createUser, type TestAdmin, type TestUser } from '../helpers/auth';
import { expectErrorEnvelope } from '../helpers/envelope';
import { ACTIONS } from '../../src/plugins/comments/server/src/config/actions';
import { createArticle, createSubscriber, ensurePolicy } from '../helpers/comments';
import { postAndGetId } from '../helpers/moderation';
import { READER_TABLES, snapshot } from '../helpers/security-db';

let app: TestApp;
let admins: Record<RoleCode, TestAdmin>;
let grants: Record<RoleCode, string[]>;
let reader: TestUser;
let apiToken: string;
let author: TestUser;
let commentId: string;

type RoleCode = 'strapi-super-admin' | 'comments-moderator' | 'strapi-editor' | 'strapi-author';
const ROLES: RoleCode[] = ['strapi-super-admin', 'comments-moderator', 'strapi-editor', 'strapi-author'];

interface AdminRoute {
  method: string;
  path: string;
  config: { policies: Array<string | { name: string; config: { actions: string[] } }> };
}

// A request per admin route that passes validation, so a holder of the action gets past the permission check.
const SAMPLE_BODIES: Record<string, unknown> = {
  'POST /moderation/comments/:documentId/actions': { action: 'approve', reason: 'ok', version: 1 },
  'POST /moderation/bulk': { action: 'approve', reason: 'ok', items: [{ documentId: 'nosuchcomment1', version: 1 }] },
  'POST /moderation/users/:userId/sanctions': { action: 'ban', reason: 'abuse' },
  'PUT /moderation/settings': { data: {} },
  'POST /editorial/complaints/:documentId/resolution': { outcome: 'not-upheld', reason: 'the story stands' },
  'POST /moderation/appeals/:documentId/resolution': { outcome: 'dismissed', reason: 'decision stands' },
  // A public address literal (no DNS), disabled: the endpoint is stored but never called.
  'POST /webhooks': { name: 'probe', url: 'http://93.184.216.34/hook', events: ['appeal.filed'], enabled: false },
  'PUT /webhooks/:id': { enabled: false },
  'POST /webhooks/:id/test': {},
  'POST /webhooks/deliveries/:id/redeliver': {},
  'DELETE /webhooks/:id': {},
};

const adminRoutes = (): AdminRoute[] =>
  (app.strapi.plugin('comments').routes as unknown as { admin: { routes: AdminRoute[] } }).admin.routes;

/** The action a route's `admin::hasPermissions` policy demands. */
const actionOf = (route: AdminRoute): string => {
  const policy = route.config.policies.find(
    (entry): entry is { name: string; config: { actions: string[] } } =>
      typeof entry === 'object' && entry.name === 'admin::hasPermissions'
  );
  if (!policy || policy.config.actions.length !== 1) throw new Error(`${route.path} names no single action`);
  return policy.config.actions[0];
};

const call = (route: AdminRoute, token?: string) => {
  const url = `/comments${route.path.replace(/:\w+/g, 'nosuchid1')}`;
  const req = (app.http() as any)[route.method.toLowerCase()](url);
  if (token) req.set('Authorization', `Bearer ${token}`);
  const body = SAMPLE_BODIES[`${route.method} ${route.path}`];
  return body ? req.send(body) : req;
};

/** The plugin actions each role holds in the database, as the app's bootstrap seeded them. */
const seededGrants = async (code: RoleCode): Promise<string[]> => {
  const role = await app.strapi.db.query('admin::role').findOne({ where: { code } });
  const permissions = await app.strapi.db.query('admin::permission').findMany({ where: { role: { id: role.id } } });
  return permissions
    .map((permission: { action: string }) => permission.action)
    .filter((action: string) => action.startsWith('plugin::comments'));
};

beforeAll(async () => {
  app = await bootStrapi();
  admins = {} as Record<RoleCode, TestAdmin>;
  grants = {} as Record<RoleCode, string[]>;
  for (const code of ROLES) {
    admins[code] = await createAdmin(app, [code]);
    grants[code] = await seededGrants(code);
  }
  reader = await createUser(app);
  apiToken = await createApiToken(app);
  await ensurePolicy(app);
  author = await createSubscriber(app, apiToken);
  commentId = await postAndGetId(app, author, (await createArticle(app)).documentId, 'Moderate me');
});
afterAll(async () => {
  await app?.stop();
});

describe('the seeded roles', () => {
  test('a fresh database has Super Admin, Editor, Author and Moderator', async () => {
    const codes = (await app.strapi.db.query('admin::role').findMany({ select: ['code'] }))
      .map((role: { code: string }) => role.code)
      .sort();
    expect(codes).toEqual(['comments-moderator', 'strapi-author', 'strapi-editor', 'strapi-super-admin']);
  });

  test('the Moderator and Editor roles hold exactly their comment rights; the Moderator cannot write articles', async () => {
    const access = app.strapi.plugin('comments').service('access');
    expect([...grants['comments-moderator']].sort()).toEqual([...access.moderatorActions()].sort());
    expect(grants['comments-moderator']).toEqual(
      expect.arrayContaining([ACTIONS.moderationRead, ACTIONS.moderationAct, ACTIONS.moderationSanction])
    );
    // Changing the settings stays with the Super Admin until someone grants it in Settings → Roles.
    expect(grants['comments-moderator']).not.toContain(ACTIONS.settingsUpdate);
    const editorActions = [ACTIONS.editorialRead, ACTIONS.editorialResolve].sort();
    expect([...grants['strapi-editor']].sort()).toEqual(editorActions);
    expect([...access.editorActions()].sort()).toEqual(editorActions);
    expect(grants['strapi-author']).toEqual([]);
    const moderator = await app.strapi.db.query('admin::role').findOne({ where: { code: 'comments-moderator' } });
    const articleGrants = await app.strapi.db
      .query('admin::permission')
      .count({ where: { role: { id: moderator.id }, subject: 'api::article.article' } });
    expect(articleGrants).toBe(0);
  });

  test('seeding the roles again changes nothing', async () => {
    const before = await app.strapi.db.query('admin::permission').count();
    const { seedAdminRoles } = await import('../../src/bootstrap/admin-roles');
    await seedAdminRoles(app.strapi);
    expect(await app.strapi.db.query('admin::permission').count()).toBe(before);
  });

  test('every admin route checks the admin session and names one registered action; each POST/PUT has a sample body', () => {
    const registered = Object.values(ACTIONS) as string[];
    for (const route of adminRoutes()) {
      expect(route.config.policies).toContain('admin::isAuthenticatedAdmin');
      expect(registered).toContain(actionOf(route));
      if (route.method !== 'GET') expect(SAMPLE_BODIES).toHaveProperty([`${route.method} ${route.path}`]);
    }
  });
});

describe('every admin route of the comments plugin, per role', () => {
  // Allowed means the handler ran: 200 (201 for a creation), or 404 for the made-up ids.
  const verdict = (status: number) =>
    status === 403 ? 'forbidden' : [200, 201, 404].includes(status) ? 'allowed' : status;

  test('without a token, with a reader’s JWT or with a content-API token: 401 in the envelope', async () => {
    for (const route of adminRoutes()) {
      for (const token of [undefined, reader.jwt, apiToken]) expectErrorEnvelope(await call(route, token), 401);
    }
  });

  // The expectation comes from each route's hasPermissions action and the role's seeded grants.
  test.each(ROLES)(
    '%s: past the permission check exactly where the role holds the action, 403 elsewhere',
    async (code) => {
      const expected: Record<string, string> = {};
      const actual: Record<string, string | number> = {};
      for (const route of adminRoutes()) {
        const name = `${route.method} ${route.path}`;
        const allowed = code === 'strapi-super-admin' || grants[code].includes(actionOf(route));
        expected[name] = allowed ? 'allowed' : 'forbidden';
        const res = await call(route, admins[code].token);
        actual[name] = verdict(res.status);
        if (res.status === 403) expectErrorEnvelope(res, 403);
      }
      expect(actual).toEqual(expected);
    }
  );

  test('refused moderation writes change nothing', async () => {
    const before = await snapshot(app, READER_TABLES);
    const settingsBefore = await app.strapi.plugin('comments').service('settings').overrides();
    const as = (code: RoleCode) => ({ Authorization: `Bearer ${admins[code].token}` });
    for (const code of ['comments-moderator', 'strapi-editor', 'strapi-author'] as RoleCode[]) {
      const settings = app.http().put('/comments/moderation/settings').set(as(code));
      expectErrorEnvelope(await settings.send({ data: { editWindowMinutes: 1440 } }), 403);
    }
    for (const code of ['strapi-editor', 'strapi-author'] as RoleCode[]) {
      const action = app.http().post(`/comments/moderation/comments/${commentId}/actions`).set(as(code));
      expectErrorEnvelope(await action.send({ action: 'hide', reason: 'not mine to do', version: 1 }), 403);
      const sanction = app.http().post(`/comments/moderation/users/${author.documentId}/sanctions`).set(as(code));
      expectErrorEnvelope(await sanction.send({ action: 'ban', reason: 'not mine to do', hideComments: true }), 403);
    }
    expect(await app.strapi.plugin('comments').service('settings').overrides()).toEqual(settingsBefore);
    expect(await snapshot(app, READER_TABLES)).toEqual(before);
  });
});
