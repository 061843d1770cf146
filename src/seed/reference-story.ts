import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import type { EditorialAdditions, SeedCounter } from './counter';

/** Every fixture record says which of its values are editorial additions, not text of the source document. */
type Marked<T> = T & { editorialAdditions: EditorialAdditions };

interface StoryFixture {
  tags: Array<Marked<{ key: string; name: string }>>;
  people: Array<
    Marked<{ key: string; name: string; role: string; organisation: string | null; country: string | null }>
  >;
  quotes: Array<
    Marked<{
      key: string;
      text: string;
      kind: string;
      speaker?: string;
      speakerBody?: string;
      context: string | null;
      medium: string | null;
      saidOn: string | null;
    }>
  >;
  figures: Array<
    Marked<{
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
    }>
  >;
  article: Marked<
    Record<string, unknown> & {
      slug: string;
      paragraphs: string[];
      tags: string[];
      people: string[];
      quotes: string[];
      figures: string[];
    }
  >;
}

export const readFixture = <T>(strapi: Core.Strapi, name: string): T =>
  JSON.parse(fs.readFileSync(path.join(strapi.dirs.app.root, 'database', 'seeds', name), 'utf8'));

export const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });

interface SeedRecord {
  uid: string;
  /** The natural key a second run finds the record by. */
  filters: Record<string, unknown>;
  data: Record<string, unknown>;
  /** How the record is named in the list of editorial additions, e.g. `person andrii-sybiha`. */
  name: string;
  editorialAdditions: EditorialAdditions;
}

/**
 * Finds a published document by its natural key, or creates and publishes it: a second run finds
 * everything and creates nothing. What a run creates, it reports with its editorial additions.
 */
const ensurePublished = async (strapi: Core.Strapi, counter: SeedCounter, record: SeedRecord): Promise<string> => {
  const documents = strapi.documents(record.uid as never);
  const existing = (await documents.findFirst({
    filters: record.filters,
    status: 'draft',
    fields: ['documentId'],
  } as never)) as { documentId: string } | null;
  if (existing) {
    counter.unchanged(record.uid);
    return existing.documentId;
  }
  const created = (await documents.create({ data: record.data, status: 'published' } as never)) as {
    documentId: string;
  };
  counter.created(record.uid);
  counter.addedEditorially(record.name, record.editorialAdditions);
  return created.documentId;
};

/** The reference story (database/seeds/reference-story.json) as one published article with its people, quotes and figures. */
export const seedReferenceStory = async (strapi: Core.Strapi, counter: SeedCounter): Promise<string> => {
  const story = readFixture<StoryFixture>(strapi, 'reference-story.json');
  const ids = new Map<string, string>();
  const ensure = (kind: string, key: string, record: Omit<SeedRecord, 'name'>) =>
    ensurePublished(strapi, counter, { ...record, name: `${kind} ${key}` }).then((id) => ids.set(`${kind}:${key}`, id));

  for (const { key, editorialAdditions, name } of story.tags) {
    const data = { name, slug: key };
    await ensure('tag', key, { uid: 'api::tag.tag', filters: { slug: key }, data, editorialAdditions });
  }
  for (const { key, editorialAdditions, ...person } of story.people) {
    const data = { ...person, slug: key };
    await ensure('person', key, { uid: 'api::person.person', filters: { slug: key }, data, editorialAdditions });
  }
  for (const { key, editorialAdditions, ...figure } of story.figures) {
    const filters = { label: figure.label };
    await ensure('figure', key, { uid: 'api::figure.figure', filters, data: figure, editorialAdditions });
  }
  for (const { key, editorialAdditions, speaker, ...quote } of story.quotes) {
    const data = { ...quote, speaker: speaker ? ids.get(`person:${speaker}`) : null };
    await ensure('quote', key, { uid: 'api::quote.quote', filters: { text: quote.text }, data, editorialAdditions });
  }

  const { paragraphs, tags, people, quotes, figures, editorialAdditions, ...article } = story.article;
  return ensurePublished(strapi, counter, {
    uid: 'api::article.article',
    filters: { slug: article.slug },
    data: {
      ...article,
      body: paragraphs.map(paragraph),
      tags: tags.map((key) => ids.get(`tag:${key}`)),
      people: people.map((key) => ids.get(`person:${key}`)),
      quotes: quotes.map((key) => ids.get(`quote:${key}`)),
      figures: figures.map((key) => ids.get(`figure:${key}`)),
    },
    name: `article ${article.slug}`,
    editorialAdditions,
  });
};

interface PolicyFixture {
  title: string;
  whySubscribersOnlyTitle: string;
  whySubscribersOnly: string[];
  liabilityNotice: string;
  moderationStatement: string;
  moderationHoursText: string;
  /** Paragraphs; the seed document has none of its own, so a marked placeholder (see docs/editorial.md). */
  rules: string[];
  termsVersion: string;
  lastUpdated: string;
  editorialAdditions: EditorialAdditions;
}

/** The comments policy part of the reference document, as the community policy single type. */
export const seedCommunityPolicy = async (strapi: Core.Strapi, counter: SeedCounter): Promise<void> => {
  const uid = 'plugin::comments.community-policy';
  const documents = strapi.documents(uid as never);
  if (await documents.findFirst({ fields: ['documentId'] } as never)) {
    counter.unchanged(uid);
    return;
  }
  const { editorialAdditions, ...policy } = readFixture<PolicyFixture>(strapi, 'community-policy.json');
  await documents.create({
    data: {
      ...policy,
      whySubscribersOnly: policy.whySubscribersOnly.map(paragraph),
      rules: policy.rules.map(paragraph),
    },
  } as never);
  counter.created(uid);
  counter.addedEditorially('community policy', editorialAdditions);
};
