import type { Core } from '@strapi/strapi';
import { actions } from './config/actions';
import { getService } from './utils/get-service';
import { commentsRepository } from './repositories/comments';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(actions);
  const { redisUrl } = getService('settings').defaults();
  await getService('rate-limit').connect(redisUrl);
  await getService('rendered-pages').connect(redisUrl);
  await getService('read-cache').connect(redisUrl);
  await commentsRepository(strapi).ensureQueuePriorityIndex();
  await commentsRepository(strapi).ensureBodySearchIndex();
  await getService('webhook-queue').start();
  getService('webhook-relay').start();
};

export default bootstrap;
