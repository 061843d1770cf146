import isAuthenticated from './is-authenticated';

export default {
  'is-authenticated': isAuthenticated,
};
