import comment from './comment/schema.json';
import report from './report/schema.json';
import moderationEvent from './moderation-event/schema.json';
import commenter from './commenter/schema.json';
import subscription from './subscription/schema.json';
import communityPolicy from './community-policy/schema.json';
import termsAcceptance from './terms-acceptance/schema.json';
import appeal from './appeal/schema.json';
import threadState from './thread-state/schema.json';
import outboxEvent from './outbox-event/schema.json';
import webhook from './webhook/schema.json';
import webhookDelivery from './webhook-delivery/schema.json';
import notificationDigest from './notification-digest/schema.json';

export default {
  comment: { schema: comment },
  report: { schema: report },
  'moderation-event': { schema: moderationEvent },
  commenter: { schema: commenter },
  subscription: { schema: subscription },
  'community-policy': { schema: communityPolicy },
  'terms-acceptance': { schema: termsAcceptance },
  appeal: { schema: appeal },
  'thread-state': { schema: threadState },
  'outbox-event': { schema: outboxEvent },
  webhook: { schema: webhook },
  'webhook-delivery': { schema: webhookDelivery },
  'notification-digest': { schema: notificationDigest },
};
