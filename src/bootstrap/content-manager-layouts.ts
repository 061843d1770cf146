import type { Core } from '@strapi/strapi';

interface Layout {
  mainField: string;
  defaultSortBy: string;
  defaultSortOrder: 'ASC' | 'DESC';
  list: string[];
  /** Human labels: the Content Manager otherwise shows attribute names (`speakerBody`, `saidOn`). */
  labels: Record<string, string>;
  descriptions: Record<string, string>;
}

// Bump when the layouts below change; editors' own later changes are kept until then.
const LAYOUTS_VERSION = 3;

const LAYOUTS: Record<string, Layout> = {
  'api::article.article': {
    mainField: 'title',
    defaultSortBy: 'originallyPublishedAt',
    defaultSortOrder: 'DESC',
    list: ['id', 'title', 'section', 'commenting', 'moderationRisk', 'originallyPublishedAt'],
    labels: {
      title: 'Headline',
      slug: 'Address (slug)',
      standfirst: 'Standfirst',
      body: 'Body',
      section: 'Section',
      tags: 'Tags',
      byline: 'Byline',
      dateline: 'Dateline',
      originallyPublishedAt: 'First published',
      lastUpdatedAt: 'Last updated',
      people: 'People in the story',
      quotes: 'Quotes',
      figures: 'Figures',
      commenting: 'Comments',
      commentsCloseAt: 'Comments close at',
      moderationRisk: 'Moderation risk',
    },
    descriptions: {
      title: 'The headline as published.',
      originallyPublishedAt: 'When the story first went out (Strapi’s own publishedAt changes with every republish).',
      slug: 'The address of the story; filled from the headline when left empty.',
      standfirst: 'The summary under the headline.',
      dateline: 'Where the story was filed from, e.g. Kyiv.',
      commenting: 'open: readers may comment; closed: the thread is read-only; disabled: no comments shown.',
      commentsCloseAt: 'Optional: after this time the thread becomes read-only.',
      moderationRisk: 'high: outside full-time moderation cover, new comments wait for a moderator.',
      quotes: 'The quotes the story reports; create new ones from here.',
      figures: 'The figures the story reports, with who says so.',
    },
  },
  'api::person.person': {
    mainField: 'name',
    defaultSortBy: 'name',
    defaultSortOrder: 'ASC',
    list: ['id', 'name', 'role', 'country'],
    labels: {
      name: 'Name',
      slug: 'Address (slug)',
      role: 'Role or title',
      organisation: 'Organisation',
      country: 'Country',
      quotes: 'Quotes by this person',
      articles: 'Stories',
    },
    descriptions: { role: 'Role or title as the story gives it, e.g. "Japan’s foreign minister".' },
  },
  'api::quote.quote': {
    mainField: 'text',
    defaultSortBy: 'saidOn',
    defaultSortOrder: 'DESC',
    list: ['id', 'text', 'speaker', 'speakerBody', 'kind', 'saidOn'],
    labels: {
      text: 'Quote',
      speaker: 'Speaker',
      speakerBody: 'Speaker (a body, not a person)',
      kind: 'Kind of quote',
      context: 'Context',
      medium: 'Said in',
      saidOn: 'Said on',
      articles: 'Stories',
      figures: 'Figures it gives',
    },
    descriptions: {
      text: 'The words exactly as published, without the quotation marks.',
      speaker: 'The person who said it; or leave empty and fill "speaker body".',
      speakerBody: 'A body named instead of a person, e.g. "Japanese officials".',
      kind: 'direct: a full sentence; partial: a phrase; reported: indirect speech.',
      context: 'e.g. "at a joint press conference alongside Mr Iwaya".',
      medium: 'e.g. "interview with Ukrainian Radio".',
    },
  },
  'api::figure.figure': {
    mainField: 'label',
    defaultSortBy: 'label',
    defaultSortOrder: 'ASC',
    list: ['id', 'label', 'value', 'qualifier', 'attribution'],
    labels: {
      label: 'What is counted',
      value: 'Number',
      unit: 'Unit',
      qualifier: 'Qualifier',
      asOf: 'As of',
      period: 'Period',
      attribution: 'According to',
      breakdown: 'Parts',
      breakdownKind: 'Parts are',
      articles: 'Stories',
      quotes: 'Quotes',
    },
    descriptions: {
      label: 'What is counted, e.g. "North Korean troops sent to Russia".',
      qualifier: 'How the story qualifies the number: up to, about, at least, more than, nearly.',
      attribution: 'Who says so, e.g. "Ukrainian air force".',
      breakdown: 'Optional parts, e.g. 55 shot down and 30 lost to jamming.',
      breakdownKind: 'complete: the parts must add up to the value; partial ("including"): they must not exceed it.',
    },
  },
};

/**
 * Useful list columns, default sorts and field descriptions for editors in the Content Manager,
 * written once per LAYOUTS_VERSION into its stored configuration.
 */
export const seedContentManagerLayouts = async (strapi: Core.Strapi): Promise<void> => {
  const marker = strapi.store({ type: 'core', name: 'newsroom', key: 'content-manager-layouts' });
  if (((await marker.get({})) as number | null) === LAYOUTS_VERSION) return;
  const contentTypes = strapi.plugin('content-manager').service('content-types');
  for (const [uid, layout] of Object.entries(LAYOUTS)) {
    const configuration = await contentTypes.findConfiguration({ uid });
    const metadatas = { ...configuration.metadatas };
    const attributes = (strapi.contentTypes as Record<string, any>)[uid]?.attributes ?? {};
    for (const field of Object.keys(metadatas)) {
      const { edit = {}, list = {} } = metadatas[field];
      const label = layout.labels[field];
      // A relation shows its entries by the target's main field (else a quote reads "Untitled").
      const targetMainField = LAYOUTS[attributes[field]?.target]?.mainField;
      metadatas[field] = {
        ...metadatas[field],
        edit: {
          ...edit,
          ...(label ? { label } : {}),
          ...(layout.descriptions[field] ? { description: layout.descriptions[field] } : {}),
          ...(targetMainField ? { mainField: targetMainField } : {}),
        },
        list: { ...list, ...(label ? { label } : {}), ...(targetMainField ? { mainField: targetMainField } : {}) },
      };
    }
    await contentTypes.updateConfiguration(
      { uid },
      {
        settings: {
          ...configuration.settings,
          mainField: layout.mainField,
          defaultSortBy: layout.defaultSortBy,
          defaultSortOrder: layout.defaultSortOrder,
        },
        metadatas,
        layouts: { ...configuration.layouts, list: layout.list },
      }
    );
  }
  await marker.set({ value: LAYOUTS_VERSION });
};
