import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';

const NAMESPACE_KEY = 'page-namespace';

/**
 * This database's name in a Redis shared by several databases (tests, benchmarks): stored in the
 * database, created by the first instance that needs it, so instances of one deployment agree.
 */
export const redisNamespaceOf = async (strapi: Core.Strapi): Promise<string> => {
  const store = strapi.store({ type: 'plugin', name: PLUGIN_ID, key: NAMESPACE_KEY });
  const existing = (await store.get({})) as string | null;
  if (existing) return existing;
  await store.set({ value: crypto.randomBytes(9).toString('base64url') });
  // Two instances starting at once may both write: the one that stays is read back by both, or
  // one keeps its own, which only means it shares nothing.
  return (await store.get({})) as string;
};
