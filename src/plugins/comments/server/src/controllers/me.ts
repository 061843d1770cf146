import * as c from '../../../shared/contracts/content-api';
import { getService } from '../utils/get-service';
import { parseWith } from '../validation/zod';
import { pageOf, readerOf, type ApiContext } from './helpers';

const DEFAULT_PAGE_SIZE = 25;
const pageOfList = (ctx: ApiContext) => pageOf(parseWith(c.PageQuery, ctx.query), DEFAULT_PAGE_SIZE);

const me = () => ({
  async read(ctx: ApiContext) {
    ctx.body = { data: await getService('commenters').describe(readerOf(ctx)) };
  },

  async update(ctx: ApiContext) {
    const { data } = parseWith(c.UpdateMeBody, ctx.request.body);
    ctx.body = { data: await getService('commenters').update(readerOf(ctx), data) };
  },

  async acceptTerms(ctx: ApiContext) {
    const { data } = parseWith(c.AcceptTermsBody, ctx.request.body);
    ctx.body = { data: await getService('commenters').acceptTerms(readerOf(ctx), data.version) };
  },

  async comments(ctx: ApiContext) {
    ctx.body = await getService('comments').listMine(readerOf(ctx), pageOfList(ctx));
  },

  async reports(ctx: ApiContext) {
    ctx.body = await getService('reports').listMine(readerOf(ctx), pageOfList(ctx));
  },

  async appeals(ctx: ApiContext) {
    ctx.body = await getService('appeals').listMine(readerOf(ctx), pageOfList(ctx));
  },

  async appeal(ctx: ApiContext) {
    const { data } = parseWith(c.AppealBody, ctx.request.body);
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
