import { PLUGIN_ID } from '../constants';
import type { Services } from '../services';

/** The plugin's services, typed. */
export const getService = <Name extends keyof Services>(name: Name): Services[Name] =>
  strapi.plugin(PLUGIN_ID).service(name) as Services[Name];
