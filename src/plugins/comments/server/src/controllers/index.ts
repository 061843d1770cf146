import comments from './comments';
import me from './me';
import policy from './policy';
import subscriptions from './subscriptions';
import threads from './threads';

export default {
  comments,
  me,
  policy,
  subscriptions,
  threads,
};
