import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import type { SeedCounter } from './counter';

interface StoryFixture {
  tags: Array<{ key: string; name: string }>;
  people: Array<{ key: string; name: string; role: string; organisation: string | null; country: string | null }>;
  quotes: Array<{
    key: string;
    text: string;
    kind: string;
    speaker?: string;
    speakerBody?: string;
    context: string | null;
    medium: string | null;
    saidOn: string | null;
  }>;
  figures: Array<{
    key: string;
    label: string;
    value: string;
    unit: string | null;
    qualifier: string;
    asOf: string | null;
    period: string | null;
    attribution: string;
    breakdown: Array<{ label: string; value: string }>;
    breakdownKind: string | null;
  }>;
  article: Record<string, unknown> & {
    slug: string;
    paragraphs: string[];
    tags: string[];
    people: string[];
    quotes: string[];
    figures: string[];
  };
}

const readFixture = <T>(strapi: Core.Strapi, name: string): T =>
  JSON.parse(fs.readFileSync(path.join(strapi.dirs.app.root, 'database', 'seeds', name), 'utf8'));

const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });

/**
 * Finds a published document by a natural key, or creates and publishes it: a second run finds
 * everything and creates nothing.
 */
const ensurePublished = async (
  strapi: Core.Strapi,
  uid: string,
  filters: Record<string, unknown>,
  data: Record<string, unknown>,
  counter: SeedCounter
): Promise<string> => {
  const documents = strapi.documents(uid as never);
  const existing = (await documents.findFirst({ filters, status: 'draft', fields: ['documentId'] } as never)) as {
    documentId: string;
  } | null;
  if (existing) {
    counter.unchanged(uid);
    return existing.documentId;
  }
  const created = (await documents.create({ data, status: 'published' } as never)) as { documentId: string };
  counter.created(uid);
  return created.documentId;
};

/** The reference story (database/seeds/reference-story.json) as one published article with its people, quotes and figures. */
export const seedReferenceStory = async (strapi: Core.Strapi, counter: SeedCounter): Promise<string> => {
  const story = readFixture<StoryFixture>(strapi, 'reference-story.json');
  const ids = new Map<string, string>();

  for (const tag of story.tags) {
    ids.set(
      `tag:${tag.key}`,
      await ensurePublished(strapi, 'api::tag.tag', { slug: tag.key }, { name: tag.name, slug: tag.key }, counter)
    );
  }
  for (const { key, ...person } of story.people) {
    ids.set(
      `person:${key}`,
      await ensurePublished(strapi, 'api::person.person', { slug: key }, { ...person, slug: key }, counter)
    );
  }
  for (const { key, ...figure } of story.figures) {
    ids.set(
      `figure:${key}`,
      await ensurePublished(strapi, 'api::figure.figure', { label: figure.label }, figure, counter)
    );
  }
  for (const { key, speaker, ...quote } of story.quotes) {
    const data = { ...quote, speaker: speaker ? ids.get(`person:${speaker}`) : null };
    ids.set(`quote:${key}`, await ensurePublished(strapi, 'api::quote.quote', { text: quote.text }, data, counter));
  }

  const { paragraphs, tags, people, quotes, figures, ...article } = story.article;
  return ensurePublished(
    strapi,
    'api::article.article',
    { slug: article.slug },
    {
      ...article,
      body: paragraphs.map(paragraph),
      tags: tags.map((key) => ids.get(`tag:${key}`)),
      people: people.map((key) => ids.get(`person:${key}`)),
      quotes: quotes.map((key) => ids.get(`quote:${key}`)),
      figures: figures.map((key) => ids.get(`figure:${key}`)),
    },
    counter
  );
};

interface PolicyFixture {
  title: string;
  whySubscribersOnlyTitle: string;
  whySubscribersOnly: string[];
  liabilityNotice: string;
  moderationStatement: string;
  moderationHoursText: string;
  rules: string[];
  termsVersion: string;
  lastUpdated: string;
}

/** The comments policy part of the reference document, as the community policy single type. */
export const seedCommunityPolicy = async (strapi: Core.Strapi, counter: SeedCounter): Promise<void> => {
  const uid = 'plugin::comments.community-policy';
  const documents = strapi.documents(uid as never);
  if (await documents.findFirst({ fields: ['documentId'] } as never)) {
    counter.unchanged(uid);
    return;
  }
  const policy = readFixture<PolicyFixture>(strapi, 'community-policy.json');
  await documents.create({
    data: {
      ...policy,
      whySubscribersOnly: policy.whySubscribersOnly.map(paragraph),
      rules: [
        {
          type: 'list',
          format: 'unordered',
          children: policy.rules.map((rule) => ({ type: 'list-item', children: [{ type: 'text', text: rule }] })),
        },
      ],
    },
  } as never);
  counter.created(uid);
};
