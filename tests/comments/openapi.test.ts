import fs from 'fs';
import os from 'os';
import path from 'path';
import { spawnSync } from 'child_process';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { DOCUMENT_PATH } from '../helpers/contract';

let app: TestApp;
beforeAll(async () => {
  app = await bootStrapi();
});
afterAll(async () => {
  await app?.stop();
});

const checkedIn = JSON.parse(fs.readFileSync(DOCUMENT_PATH, 'utf8'));
const PREFIX = { 'content-api': '/api/comments', admin: '/comments' } as const;

test('the running app serves the description checked in at docs/openapi.json (run `npm run openapi` after a contract change)', async () => {
  const response = await app.http().get('/api/comments/openapi.json');
  expect(response.status).toBe(200);
  expect(response.body.openapi).toBe('3.1.0');
  expect(response.body).toEqual(checkedIn);
});

test('the description covers every route of the comments plugin, and nothing that does not exist', () => {
  const routers = app.strapi.plugin('comments').routes as Record<
    string,
    { type: keyof typeof PREFIX; routes: Array<{ method: string; path: string }> }
  >;
  const actual = Object.values(routers).flatMap((router) =>
    router.routes.map(
      (route) => `${route.method.toLowerCase()} ${PREFIX[router.type]}${route.path.replace(/:(\w+)/g, '{$1}')}`
    )
  );
  const documented = Object.entries(checkedIn.paths as Record<string, Record<string, unknown>>)
    .filter(([url]) => url.startsWith('/api/comments') || url.startsWith('/comments'))
    .flatMap(([url, operations]) => Object.keys(operations).map((method) => `${method} ${url}`));
  expect(actual.length).toBeGreaterThan(30);
  expect(actual.filter((route) => !documented.includes(route))).toEqual([]);
  expect(documented.filter((route) => !actual.includes(route))).toEqual([]);
});

test('the core routes of the reader journey are described, each with its error envelope', () => {
  for (const [path, method] of [
    ['/api/auth/local/register', 'post'],
    ['/api/auth/local', 'post'],
    ['/api/auth/refresh', 'post'],
    ['/api/auth/email-confirmation', 'get'],
    ['/api/articles', 'get'],
  ]) {
    const operation = checkedIn.paths[path]?.[method];
    expect({ path, summary: typeof operation?.summary }).toEqual({ path, summary: 'string' });
    const errors = Object.entries(operation.responses).filter(([status]) => status.startsWith('4'));
    expect(errors.length).toBeGreaterThan(0);
    for (const [, response] of errors) {
      expect((response as any).content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });
    }
  }
});

test("the typed client's types are those openapi-typescript generates from the checked-in description", () => {
  const root = path.resolve(__dirname, '..', '..');
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'openapi-types-')), 'schema.d.ts');
  const run = spawnSync(path.join(root, 'node_modules', '.bin', 'openapi-typescript'), [DOCUMENT_PATH, '-o', out], {
    cwd: root,
  });
  expect(run.status).toBe(0);
  const committed = fs.readFileSync(path.join(root, 'src', 'plugins', 'comments', 'client', 'schema.d.ts'), 'utf8');
  expect(fs.readFileSync(out, 'utf8')).toBe(committed);
});
