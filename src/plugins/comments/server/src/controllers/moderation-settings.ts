import { getService } from '../utils/get-service';
import { moderatorActor } from '../utils/admin';
import { parseWith } from '../validation/zod';
import { settingsBody } from '../validation/settings';
import type { AdminContext } from './admin-context';

const describe = async () => {
  const settings = getService('settings');
  return {
    data: {
      settings: settings.withoutSecrets(await settings.get()),
      defaults: settings.withoutSecrets(settings.defaults()),
      overrides: await settings.overrides(),
    },
  };
};

const moderationSettings = () => ({
  async read(ctx: AdminContext) {
    ctx.body = await describe();
  },

  async templates(ctx: AdminContext) {
    ctx.body = { data: getService('settings').notificationTemplates() };
  },

  async update(ctx: AdminContext) {
    const { data } = parseWith(settingsBody, ctx.request.body);
    await getService('settings').setOverrides(data, moderatorActor(ctx.state.user));
    ctx.body = await describe();
  },
});

export default moderationSettings;
