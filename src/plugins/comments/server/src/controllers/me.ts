import { getService } from '../utils/get-service';
import { validateAcceptTerms, validateAppeal, validateDisplayName, validatePageQuery } from '../validation/content-api';
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

  async appeals(ctx: ApiContext) {
    const query = await validatePageQuery(MAX_PAGE_SIZE)(ctx.query);
    ctx.body = await getService('appeals').listMine(readerOf(ctx), pageOf(query, 25));
  },

  async appeal(ctx: ApiContext) {
    const { data } = await validateAppeal(ctx.request.body);
    ctx.status = 201;
    ctx.body = { data: await getService('appeals').file(readerOf(ctx), data.decision, data.statement) };
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
