import { REFUSAL } from '../constants';
import { authenticationRequired } from '../utils/errors';

/**
 * Reader routes are granted to Public too, so an anonymous caller reaches this policy and gets a
 * 401 that says "log in" instead of users-permissions' generic 403.
 */
const isAuthenticated = (policyContext: { state: { user?: unknown } }): boolean => {
  if (!policyContext.state.user) {
    throw authenticationRequired('Log in to do this.', REFUSAL.AUTHENTICATION_REQUIRED);
  }
  return true;
};

export default isAuthenticated;
