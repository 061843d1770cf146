import type { Core } from '@strapi/strapi';
import { registerFigureFields } from './figure-fields';
import { registerPublishCascade } from './publish-cascade';
import { registerSlugFilling } from './slugs';
import { registerWriteRules } from './write-rules';

/** Document Service middlewares of the editorial types; registered in the app's register phase. */
export const registerEditorialRules = (strapi: Core.Strapi): void => {
  registerSlugFilling(strapi);
  registerWriteRules(strapi);
  registerPublishCascade(strapi);
  registerFigureFields(strapi);
};
