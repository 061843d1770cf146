import { ChartPie, ClockCounterClockwise, Discuss, Feather, Shield } from '@strapi/icons';
import { EditorialPanel } from './components/EditorialPanel';
import { FigurePanel } from './components/FigurePanel';
import { PERMISSIONS } from './permissions';
import { PLUGIN_ID } from './pluginId';
import { prefixTranslations } from './utils/translate';

interface AdminApp {
  registerPlugin(plugin: { id: string; name: string }): void;
  addMenuLink(link: Record<string, unknown>): void;
  /** One settings section with its links (calling it twice for one id throws). */
  createSettingSection(
    section: { id: string; intlLabel: { id: string; defaultMessage: string } },
    links: Array<Record<string, unknown>>
  ): void;
  getPlugin(id: string): { apis: { addEditViewSidePanel(panels: unknown[]): void } };
}

export default {
  register(app: AdminApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Discuss,
      intlLabel: { id: `${PLUGIN_ID}.menu.moderation`, defaultMessage: 'Moderation' },
      permissions: PERMISSIONS.moderationRead,
      Component: () => import('./pages/ModerationPage'),
    });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}-dashboard`,
      icon: ChartPie,
      intlLabel: { id: `${PLUGIN_ID}.menu.dashboard`, defaultMessage: 'Moderation dashboard' },
      permissions: PERMISSIONS.moderationRead,
      Component: () => import('./pages/DashboardPage'),
    });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}-complaints`,
      icon: Feather,
      intlLabel: { id: `${PLUGIN_ID}.menu.complaints`, defaultMessage: 'Reader complaints' },
      permissions: PERMISSIONS.editorialRead,
      Component: () => import('./pages/ComplaintsPage'),
    });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}-appeals`,
      icon: Shield,
      intlLabel: { id: `${PLUGIN_ID}.menu.appeals`, defaultMessage: 'Appeals' },
      permissions: PERMISSIONS.moderationAppeals,
      Component: () => import('./pages/AppealsPage'),
    });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}-audit`,
      icon: ClockCounterClockwise,
      intlLabel: { id: `${PLUGIN_ID}.menu.audit`, defaultMessage: 'Moderation audit' },
      permissions: PERMISSIONS.moderationAudit,
      Component: () => import('./pages/AuditPage'),
    });
    app.createSettingSection(
      { id: PLUGIN_ID, intlLabel: { id: `${PLUGIN_ID}.settings.section`, defaultMessage: 'Comments' } },
      [
        {
          id: 'moderation-settings',
          to: `${PLUGIN_ID}/settings`,
          intlLabel: { id: `${PLUGIN_ID}.settings.link`, defaultMessage: 'Moderation settings' },
          permissions: PERMISSIONS.moderationRead,
          Component: () => import('./pages/SettingsPage'),
        },
        {
          id: 'webhooks',
          to: `${PLUGIN_ID}/webhooks`,
          intlLabel: { id: `${PLUGIN_ID}.settings.webhooks`, defaultMessage: 'Webhooks' },
          permissions: PERMISSIONS.webhooksManage,
          Component: () => import('./pages/WebhooksPage'),
        },
      ]
    );
    app.registerPlugin({ id: PLUGIN_ID, name: 'Comments' });
  },

  bootstrap(app: AdminApp) {
    app.getPlugin('content-manager').apis.addEditViewSidePanel([EditorialPanel, FigurePanel]);
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = await import(`./translations/${locale}.json`);
          return { data: prefixTranslations(data), locale };
        } catch {
          return { data: {}, locale };
        }
      })
    );
  },
};
