import type { Core } from '@strapi/strapi';
import { actions } from './config/actions';
import { getService } from './utils/get-service';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(actions);
  await getService('rate-limit').connect(getService('settings').defaults().redisUrl);
};

export default bootstrap;
