import type { Core } from '@strapi/strapi';

const ARTICLE_UID = 'api::article.article';

// Published in this order so each one's own relations already have a published target.
const CASCADE: Array<{ relation: string; uid: string; populate?: Record<string, unknown> }> = [
  { relation: 'people', uid: 'api::person.person' },
  { relation: 'figures', uid: 'api::figure.figure' },
  {
    relation: 'quotes',
    uid: 'api::quote.quote',
    populate: { speaker: { fields: ['documentId'] }, figures: { fields: ['documentId'] } },
  },
];

const publishIfNeverPublished = async (strapi: Core.Strapi, uid: string, documentId: string) => {
  const documents = strapi.documents(uid as never);
  const published = await documents.findOne({ documentId, status: 'published', fields: ['documentId'] } as never);
  if (!published) await documents.publish({ documentId } as never);
};

/**
 * Publishing an article publishes the people, figures and quotes it links that were never
 * published (and the speakers and figures of those quotes): Strapi 5 leaves relations to
 * never-published documents out of the published version, so the story would lose them.
 */
export const registerPublishCascade = (strapi: Core.Strapi): void => {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== ARTICLE_UID) return next();
    const params = context.params as { status?: string; locale?: string };
    // A create or update that also publishes (REST with an API token does) publishes inside the
    // Document Service, past this middleware: save the draft, then publish through the action.
    if ((context.action === 'create' || context.action === 'update') && params.status === 'published') {
      context.params = { ...params, status: 'draft' } as typeof context.params;
      const draft = await next();
      if (!draft) return draft;
      const published = await strapi
        .documents(ARTICLE_UID)
        .publish({ documentId: (draft as { documentId: string }).documentId, locale: params.locale } as never);
      return published.entries[0] as Awaited<ReturnType<typeof next>>;
    }
    if (context.action !== 'publish') return next();
    const { documentId } = context.params as { documentId: string };
    const draft = (await strapi.documents(ARTICLE_UID).findOne({
      documentId,
      status: 'draft',
      populate: Object.fromEntries(
        CASCADE.map(({ relation, populate }) => [relation, populate ? { populate } : { fields: ['documentId'] }])
      ) as never,
    })) as Record<string, Array<Record<string, any>>> | null;
    if (draft) {
      for (const { relation, uid } of CASCADE) {
        for (const related of draft[relation] ?? []) {
          if (uid === 'api::quote.quote') {
            if (related.speaker?.documentId)
              await publishIfNeverPublished(strapi, 'api::person.person', related.speaker.documentId);
            for (const figure of related.figures ?? [])
              await publishIfNeverPublished(strapi, 'api::figure.figure', figure.documentId);
          }
          await publishIfNeverPublished(strapi, uid, related.documentId);
        }
      }
    }
    return next();
  });
};
