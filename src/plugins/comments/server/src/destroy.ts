import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from './constants';

const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  // Relay and deliveries first: they still write to the database.
  await strapi.plugin(PLUGIN_ID).service('webhook-relay').stop();
  await strapi.plugin(PLUGIN_ID).service('webhook-queue').stop();
  await strapi.plugin(PLUGIN_ID).service('rate-limit').close();
  await strapi.plugin(PLUGIN_ID).service('rendered-pages').close();
  await strapi.plugin(PLUGIN_ID).service('read-cache').close();
};

export default destroy;
