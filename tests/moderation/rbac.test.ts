import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, type TestAdmin } from '../helpers/auth';
import { expectErrorEnvelope } from '../helpers/envelope';

let app: TestApp;
let superAdmin: TestAdmin;
let moderator: TestAdmin;
let editor: TestAdmin;
let author: TestAdmin;

const ACTIONS = {
  read: 'plugin::comments.moderation.read',
  act: 'plugin::comments.moderation.act',
  sanction: 'plugin::comments.moderation.sanction',
  editorial: 'plugin::comments.editorial.read',
  settings: 'plugin::comments.settings.update',
};

// Every admin route of the plugin, the action it needs, and a request that passes validation.
const ROUTES: Array<{ method: 'get' | 'post' | 'put'; url: string; action: keyof typeof ACTIONS; body?: unknown }> = [
  { method: 'get', url: '/comments/moderation/queue', action: 'read' },
  { method: 'get', url: '/comments/moderation/comments/nosuchcomment1', action: 'read' },
  {
    method: 'post',
    url: '/comments/moderation/comments/nosuchcomment1/actions',
    action: 'act',
    body: { action: 'approve', reason: 'ok', version: 1 },
  },
  {
    method: 'post',
    url: '/comments/moderation/bulk',
    action: 'act',
    body: { action: 'approve', reason: 'ok', items: [{ documentId: 'nosuchcomment1', version: 1 }] },
  },
  {
    method: 'post',
    url: '/comments/moderation/users/nosuchuser1/sanctions',
    action: 'sanction',
    body: { action: 'ban', reason: 'abuse' },
  },
  { method: 'get', url: '/comments/moderation/stats', action: 'read' },
  { method: 'get', url: '/comments/moderation/register.csv', action: 'read' },
  { method: 'get', url: '/comments/moderation/settings', action: 'read' },
  { method: 'put', url: '/comments/moderation/settings', action: 'settings', body: { data: {} } },
  { method: 'get', url: '/comments/editorial/complaints', action: 'editorial' },
  { method: 'get', url: '/comments/editorial/articles/nosucharticle1', action: 'editorial' },
];

const call = (route: (typeof ROUTES)[number], token?: string) => {
  const req = (app.http() as any)[route.method](route.url);
  if (token) req.set('Authorization', `Bearer ${token}`);
  return route.body ? req.send(route.body) : req;
};

beforeAll(async () => {
  app = await bootStrapi();
  superAdmin = await createAdmin(app, ['strapi-super-admin']);
  moderator = await createAdmin(app, ['comments-moderator']);
  editor = await createAdmin(app, ['strapi-editor']);
  author = await createAdmin(app, ['strapi-author']);
});
afterAll(async () => {
  await app?.stop();
});

test('a fresh database has Super Admin, Editor, Author and Moderator', async () => {
  const codes = (await app.strapi.db.query('admin::role').findMany({ select: ['code'] }))
    .map((role: { code: string }) => role.code)
    .sort();
  expect(codes).toEqual(['comments-moderator', 'strapi-author', 'strapi-editor', 'strapi-super-admin']);
});

test('the Moderator and Editor roles hold exactly their comment rights; the Moderator cannot write articles', async () => {
  const actionsOf = async (code: string) => {
    const role = await app.strapi.db.query('admin::role').findOne({ where: { code } });
    const permissions = await app.strapi.db.query('admin::permission').findMany({ where: { role: { id: role.id } } });
    return permissions.map(
      (permission: { action: string; subject: string | null }) =>
        `${permission.action}${permission.subject ? ` ${permission.subject}` : ''}`
    );
  };
  const moderatorActions = await actionsOf('comments-moderator');
  expect(moderatorActions.filter((action: string) => action.startsWith('plugin::comments')).sort()).toEqual(
    [ACTIONS.act, ACTIONS.read, ACTIONS.sanction].sort()
  );
  expect(moderatorActions.filter((action: string) => action.includes('api::article.article'))).toEqual([]);
  const editorActions = await actionsOf('strapi-editor');
  expect(editorActions.filter((action: string) => action.startsWith('plugin::comments'))).toEqual([ACTIONS.editorial]);
});

test('seeding the roles again changes nothing', async () => {
  const before = await app.strapi.db.query('admin::permission').count();
  const { seedAdminRoles } = await import('../../src/bootstrap/admin-roles');
  await seedAdminRoles(app.strapi);
  expect(await app.strapi.db.query('admin::permission').count()).toBe(before);
});

describe.each(ROUTES)('$method $url', (route) => {
  test('without an admin token: 401', async () => {
    expectErrorEnvelope(await call(route), 401);
  });

  test('an Author-role admin (no comment actions): 403 from the route itself', async () => {
    expectErrorEnvelope(await call(route, author.token), 403);
  });

  test('the roles holding its action get past the permission check; the others get 403', async () => {
    const holders: Array<[TestAdmin, boolean]> = [
      [superAdmin, true],
      [moderator, ['read', 'act', 'sanction'].includes(route.action)],
      [editor, route.action === 'editorial'],
    ];
    for (const [admin, allowed] of holders) {
      const res = await call(route, admin.token);
      if (allowed) expect([200, 404]).toContain(res.status);
      else expectErrorEnvelope(res, 403);
    }
  });
});
