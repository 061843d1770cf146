import type { Core } from '@strapi/strapi';

interface Layout {
  mainField: string;
  defaultSortBy: string;
  defaultSortOrder: 'ASC' | 'DESC';
  list: string[];
  descriptions: Record<string, string>;
}

// Bump when the layouts below change; editors' own later changes are kept until then.
const LAYOUTS_VERSION = 2;

const LAYOUTS: Record<string, Layout> = {
  'api::article.article': {
    mainField: 'title',
    defaultSortBy: 'originallyPublishedAt',
    defaultSortOrder: 'DESC',
    list: ['id', 'title', 'section', 'commenting', 'moderationRisk', 'originallyPublishedAt'],
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
    descriptions: { role: 'Role or title as the story gives it, e.g. "Japan’s foreign minister".' },
  },
  'api::quote.quote': {
    mainField: 'text',
    defaultSortBy: 'saidOn',
    defaultSortOrder: 'DESC',
    list: ['id', 'text', 'speaker', 'speakerBody', 'kind', 'saidOn'],
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
    for (const [field, description] of Object.entries(layout.descriptions)) {
      if (metadatas[field]) metadatas[field] = { ...metadatas[field], edit: { ...metadatas[field].edit, description } };
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
