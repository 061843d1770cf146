import appeals from './appeals';
import audit from './audit';
import comments from './comments';
import editorial from './editorial';
import me from './me';
import moderation from './moderation';
import moderationSettings from './moderation-settings';
import policy from './policy';
import subscriptions from './subscriptions';
import threads from './threads';

export default {
  appeals,
  audit,
  comments,
  editorial,
  me,
  moderation,
  'moderation-settings': moderationSettings,
  policy,
  subscriptions,
  threads,
};
