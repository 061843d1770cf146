import { getService } from '../utils/get-service';
import { validateAcceptTerms, validateDisplayName, validatePageQuery } from '../validation/content-api';
import { pageOf, readerOf, type ApiContext } from './helpers';

const MAX_PAGE_SIZE = 100;

const me = () => ({
  async read(ctx: ApiContext) {
    ctx.body = { data: await getService('commenters').describe(readerOf(ctx)) };
  },

  async update(ctx: ApiContext) {
    const { data } = await validateDisplayName(ctx.request.body);
    ctx.body = { data: await getService('commenters').setDisplayName(readerOf(ctx), data.displayName) };
  },

  async acceptTerms(ctx: ApiContext) {
    const { data } = await validateAcceptTerms(ctx.request.body);
    ctx.body = { data: await getService('commenters').acceptTerms(readerOf(ctx), data.version) };
  },

  async comments(ctx: ApiContext) {
    const query = await validatePageQuery(MAX_PAGE_SIZE)(ctx.query);
    ctx.body = await getService('comments').listMine(readerOf(ctx), pageOf(query, 25));
  },

  async reports(ctx: ApiContext) {
    const query = await validatePageQuery(MAX_PAGE_SIZE)(ctx.query);
    ctx.body = await getService('reports').listMine(readerOf(ctx), pageOf(query, 25));
  },

  async export(ctx: ApiContext) {
    ctx.set('Content-Disposition', 'attachment; filename="my-comments-data.json"');
    ctx.body = { data: await getService('privacy').export(readerOf(ctx)) };
  },

  async erase(ctx: ApiContext) {
    await getService('privacy').erase(readerOf(ctx));
    ctx.body = { data: { erased: true } };
  },
});

export default me;
