import fs from 'fs';
import path from 'path';
import { bootStrapi, type TestApp } from '../helpers/strapi';

let app: TestApp;
beforeAll(async () => {
  app = await bootStrapi();
});
afterAll(async () => {
  await app?.stop();
});

const openapi = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'openapi.json'), 'utf8'));
const PREFIX = { 'content-api': '/api/comments', admin: '/comments' } as const;

test('docs/openapi.json describes every route of the comments plugin, and nothing that does not exist', () => {
  const routers = app.strapi.plugin('comments').routes as Record<
    string,
    { type: keyof typeof PREFIX; routes: Array<{ method: string; path: string }> }
  >;
  const actual = Object.values(routers).flatMap((router) =>
    router.routes.map(
      (route) => `${route.method.toLowerCase()} ${PREFIX[router.type]}${route.path.replace(/:(\w+)/g, '{$1}')}`
    )
  );
  const documented = Object.entries(openapi.paths as Record<string, Record<string, unknown>>).flatMap(
    ([url, operations]) => Object.keys(operations).map((method) => `${method} ${url}`)
  );
  expect(actual.length).toBeGreaterThan(0);
  expect(actual.filter((route) => !documented.includes(route))).toEqual([]);
  expect(documented.filter((route) => !actual.includes(route))).toEqual([]);
});
