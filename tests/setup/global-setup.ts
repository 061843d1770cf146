import path from 'path';
import { compileStrapi } from '@strapi/strapi';

/** Compiles the TypeScript app into dist/ once for every test file (run `tsc --noEmit` first: it exits on a type error without saying why). */
export default async function globalSetup(): Promise<void> {
  await compileStrapi({ appDir: path.resolve(__dirname, '..', '..') });
}
