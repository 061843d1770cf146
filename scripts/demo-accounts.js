'use strict';
/**
 * The demo accounts the seeder creates in development. Passwords come from the environment or
 * fall back to the printed defaults; never used in production (the seeder refuses there).
 */
const demoAccounts = () => [
  {
    key: 'admin',
    label: 'Super admin',
    where: '/admin',
    email: process.env.DEMO_ADMIN_EMAIL || 'admin@newsroom.local',
    password: process.env.DEMO_ADMIN_PASSWORD || 'Demo-Admin-2026',
  },
  {
    key: 'reader',
    label: 'Reader',
    where: 'REST /api/auth/local',
    email: process.env.DEMO_READER_EMAIL || 'reader@newsroom.local',
    password: process.env.DEMO_READER_PASSWORD || 'Demo-Reader-2026',
  },
];

module.exports = { demoAccounts };
