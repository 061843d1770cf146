import type { Core } from '@strapi/strapi';
import { SeedCounter, type SeedReport } from './counter';
import { seedDemoRules } from './demo-policy';
import { seedDemoUsers } from './demo-users';
import { seedCommunityPolicy, seedReferenceStory } from './reference-story';
import { MODERATOR_ROLE } from '../bootstrap/admin-roles';

export type { SeedReport } from './counter';

export interface SeedResult {
  tallies: SeedReport;
  /** `record field: why` for each value the run seeded that is not in the source document. */
  editorialAdditions: string[];
}

export interface SeedOptions {
  /** Create the demo accounts, and demo rules in place of the policy's placeholder (development only). */
  demoAccounts: boolean;
}

/** Loads database/seeds into the running instance; idempotent. */
export const runSeed = async (strapi: Core.Strapi, options: SeedOptions): Promise<SeedResult> => {
  if (options.demoAccounts && process.env.NODE_ENV === 'production') {
    throw new Error('Demo accounts are never seeded with NODE_ENV=production.');
  }
  const counter = new SeedCounter();
  await seedCommunityPolicy(strapi, counter);
  await seedReferenceStory(strapi, counter);
  if (options.demoAccounts) {
    await seedDemoRules(strapi, counter);
    await seedDemoUsers(strapi, counter, MODERATOR_ROLE.code);
  }
  return { tallies: counter.report, editorialAdditions: counter.editorialAdditions };
};
