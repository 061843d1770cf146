import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import type { CommentsConfig } from '../config';
import { deepMerge } from '../utils/deep-merge';
import { getService } from '../utils/get-service';
import { SYSTEM_ACTOR, type Actor } from './audit';
import { DEFAULT_TEMPLATES, placeholdersOf } from '../rules/notification-templates';
import { NOTIFICATION_KINDS } from '../../../shared/contracts/settings';

type DeepPartial<T> =
  T extends Array<infer Item> ? Item[] : T extends object ? { [Key in keyof T]?: DeepPartial<T[Key]> } : T;

/** The part of the config a moderator may override from the settings route; any key may be left out. */
export type SettingsOverrides = DeepPartial<
  Pick<
    CommentsConfig,
    | 'editWindowMinutes'
    | 'repeatWindowMinutes'
    | 'words'
    | 'rateLimits'
    | 'schedule'
    | 'autoHide'
    | 'reportTrust'
    | 'presetReasons'
    | 'frontendCommentUrl'
    | 'brigading'
    | 'notifications'
  >
>;

const STORE_KEY = 'settings';
const SETTINGS_CACHE_KEY = 'settings';

/** Which Redis is in use, as a moderator may see it: host and port, never the credentials in the URL. */
export interface RedisDescription {
  configured: boolean;
  host?: string;
}

export const describeRedis = (redisUrl: string | null): RedisDescription => {
  if (!redisUrl) return { configured: false };
  try {
    const { hostname, port, protocol } = new URL(redisUrl);
    return { configured: true, host: `${protocol}//${hostname}:${port || '6379'}` };
  } catch {
    return { configured: true };
  }
};

export type PublicSettings = Omit<CommentsConfig, 'redisUrl' | 'webhooks'> & { redis: RedisDescription };

/**
 * One source per fact: config/plugins.ts gives the defaults, the moderation settings route stores
 * overrides in the database, and every rule reads the merged result from here.
 */
const settings = ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => strapi.store({ type: 'plugin', name: PLUGIN_ID, key: STORE_KEY });

  return {
    defaults(): CommentsConfig {
      return strapi.config.get(`plugin::${PLUGIN_ID}`) as CommentsConfig;
    },

    /** The stored overrides; known to be current in the read cache between changes, since every request reads them. */
    async overrides(): Promise<SettingsOverrides> {
      return getService('read-cache').get(
        SETTINGS_CACHE_KEY,
        async () => ((await store().get({})) as SettingsOverrides | null) ?? {}
      );
    },

    async get(): Promise<CommentsConfig> {
      return deepMerge(this.defaults(), await this.overrides());
    },

    /**
     * The settings as answers show them: the Redis URL (which may hold a password) described, not
     * given; the webhooks' settings left out (the operator's, from the environment).
     */
    withoutSecrets({ redisUrl, webhooks, ...rest }: CommentsConfig): PublicSettings {
      return { ...rest, redis: describeRedis(redisUrl) };
    },

    /** Each kind's default wording and its placeholders (the stored overrides are in `notifications.templates`). */
    notificationTemplates() {
      return NOTIFICATION_KINDS.map((kind) => ({
        kind,
        defaults: DEFAULT_TEMPLATES[kind],
        placeholders: placeholdersOf(DEFAULT_TEMPLATES[kind]),
      }));
    },

    /** Replaces the stored overrides; every change is audited (before/after), whoever makes it. */
    async setOverrides(overrides: SettingsOverrides, actor: Actor = SYSTEM_ACTOR): Promise<CommentsConfig> {
      await strapi.db.transaction(async () => {
        // From the store, not the read cache: the audit row records what it replaces.
        const before = ((await store().get({})) as SettingsOverrides | null) ?? {};
        await store().set({ value: overrides });
        await getService('audit').record({ action: 'settings-changed', actor, before, after: overrides });
      });
      getService('read-cache').changed([SETTINGS_CACHE_KEY]);
      return this.get();
    },
  };
};

export type SettingsService = ReturnType<typeof settings>;
export default settings;
