import type { Context } from 'koa';
import { getService } from '../utils/get-service';
import { moderatorActor, type AdminUser } from '../utils/admin';
import { validateSettings } from '../validation/admin';

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
  async read(ctx: Context) {
    ctx.body = await describe();
  },

  async update(ctx: Context & { request: { body?: unknown }; state: { user: AdminUser } }) {
    const { data } = await validateSettings(ctx.request.body);
    await getService('settings').setOverrides(data, moderatorActor(ctx.state.user));
    ctx.body = await describe();
  },
});

export default moderationSettings;
