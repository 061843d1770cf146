import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from './constants';

const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.plugin(PLUGIN_ID).service('rate-limit').close();
};

export default destroy;
