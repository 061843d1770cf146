import type { Core } from '@strapi/strapi';
import type { SeedCounter } from './counter';
import { paragraph, readFixture } from './reference-story';

interface DemoRulesFixture {
  /** Says, in the rules readers see, that they are the demo's and not the paper's. */
  notice: string;
  rules: string[];
}

const list = (items: string[]) => ({
  type: 'list',
  format: 'unordered',
  children: items.map((text) => ({ type: 'list-item', children: [{ type: 'text', text }] })),
});

/**
 * Development only (it runs with the demo accounts): the seeded policy's rules are a placeholder
 * that keeps commenting closed, so the demo puts in rules of its own, labelled as the demo's
 * (database/seeds/demo-rules.json). Only the placeholder is replaced: rules an admin wrote stay.
 */
export const seedDemoRules = async (strapi: Core.Strapi, counter: SeedCounter): Promise<void> => {
  const { placeholders } = await strapi.plugin('comments').service('policy').readiness();
  if (!placeholders.includes('rules')) return counter.unchanged('demo:rules');
  const documents = strapi.documents('plugin::comments.community-policy' as never);
  const policy = (await documents.findFirst({ fields: ['documentId'] } as never)) as unknown as { documentId: string };
  const demo = readFixture<DemoRulesFixture>(strapi, 'demo-rules.json');
  await documents.update({
    documentId: policy.documentId,
    data: { rules: [paragraph(demo.notice), list(demo.rules)] },
  } as never);
  return counter.created('demo:rules');
};
