/**
 * The demo accounts `npm run demo` creates and prints (development only: the seeder refuses them
 * in production). Emails and passwords come from the environment or these printed defaults.
 */
export interface DemoAccount {
  key: 'admin' | 'moderator' | 'reader' | 'subscriber';
  label: string;
  where: string;
  email: string;
  password: string;
}

export const demoAccounts = (env: NodeJS.ProcessEnv = process.env): DemoAccount[] => [
  {
    key: 'admin',
    label: 'Super admin',
    where: '/admin',
    email: env.DEMO_ADMIN_EMAIL || 'admin@newsroom.local',
    password: env.DEMO_ADMIN_PASSWORD || 'Demo-Admin-2026',
  },
  {
    key: 'moderator',
    label: 'Moderator',
    where: '/admin',
    email: env.DEMO_MODERATOR_EMAIL || 'moderator@newsroom.local',
    password: env.DEMO_MODERATOR_PASSWORD || 'Demo-Moderator-2026',
  },
  {
    key: 'subscriber',
    label: 'Subscriber',
    where: 'POST /api/auth/local',
    email: env.DEMO_SUBSCRIBER_EMAIL || 'subscriber@newsroom.local',
    password: env.DEMO_SUBSCRIBER_PASSWORD || 'Demo-Subscriber-2026',
  },
  {
    key: 'reader',
    label: 'Reader',
    where: 'POST /api/auth/local',
    email: env.DEMO_READER_EMAIL || 'reader@newsroom.local',
    password: env.DEMO_READER_PASSWORD || 'Demo-Reader-2026',
  },
];
