import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';

const bootstrap = async (_: { strapi: Core.Strapi }) => {
  await getService('rate-limit').connect(getService('settings').defaults().redisUrl);
};

export default bootstrap;
