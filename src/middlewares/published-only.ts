/**
 * Editorial reads for readers: Strapi 5 hands drafts to any role holding `find` when asked for
 * `status=draft`, so every caller but an API token (editors' tooling) gets published documents
 * only, whatever the query says. Relations populated from a published document are published too.
 */
export default () => async (ctx: any, next: () => Promise<void>) => {
  if (ctx.state.auth?.strategy?.name !== 'content-api-token') {
    ctx.query = { ...ctx.query, status: 'published' };
  }
  await next();
};
