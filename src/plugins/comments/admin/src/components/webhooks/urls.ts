export const WEBHOOKS_URL = '/comments/webhooks';
