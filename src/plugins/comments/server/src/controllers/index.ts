import appeals from './appeals';
import audit from './audit';
import comments from './comments';
import editorial from './editorial';
import me from './me';
import moderation from './moderation';
import moderationSettings from './moderation-settings';
import notifications from './notifications';
import openapi from './openapi';
import policy from './policy';
import subscriptions from './subscriptions';
import threads from './threads';
import webhooks from './webhooks';

export default {
  appeals,
  audit,
  comments,
  editorial,
  me,
  moderation,
  'moderation-settings': moderationSettings,
  notifications,
  openapi,
  policy,
  subscriptions,
  threads,
  webhooks,
};
