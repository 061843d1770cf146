import { bootStrapi, type TestApp } from '../helpers/strapi';
import { expectOwnDatabaseOnly } from './isolation';

let app: TestApp;
beforeAll(async () => {
  app = await bootStrapi();
});
afterAll(async () => {
  await app?.stop();
});

test('this test file has a database of its own', async () => {
  await expectOwnDatabaseOnly(app, 'first');
});
