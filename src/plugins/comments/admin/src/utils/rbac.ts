import { useRBAC } from '@strapi/strapi/admin';
import type { PERMISSIONS } from '../permissions';

/**
 * Whether the admin holds one of the plugin's actions (every role that does: the super admin's grants are no
 * different). useRBAC names its answers after the action's last word (`canRead` for `…moderation.read`),
 * whatever key it is handed, so `useRBAC({ queue: … }).allowedActions.canQueue` was never set: each action is
 * checked on its own here and read back as one boolean.
 */
export const useAllowed = (permission: (typeof PERMISSIONS)[keyof typeof PERMISSIONS]) => {
  const { allowedActions, isLoading } = useRBAC(permission);
  return { allowed: !isLoading && Object.values(allowedActions).some(Boolean), isLoading };
};
