import access from './access';
import appeals from './appeals';
import audit from './audit';
import clock from './clock';
import commentContext from './comment-context';
import commenters from './commenters';
import comments from './comments';
import complaintsRegister from './complaints-register';
import cover from './cover';
import editorial from './editorial';
import events from './events';
import moderation from './moderation';
import notificationDigest from './notification-digest';
import notifications from './notifications';
import openapi from './openapi';
import policy from './policy';
import privacy from './privacy';
import queue from './queue';
import rateLimit from './rate-limit';
import readCache from './read-cache';
import renderedPages from './rendered-pages';
import reports from './reports';
import sanctions from './sanctions';
import settings from './settings';
import stats from './stats';
import subscriptions from './subscriptions';
import terms from './terms';
import text from './text';
import threads from './threads';
import transitions from './transitions';
import webhookDelivery from './webhook-delivery';
import webhookQueue from './webhook-queue';
import webhookRelay from './webhook-relay';
import webhooks from './webhooks';
import words from './words';

const services = {
  access,
  appeals,
  audit,
  clock,
  'comment-context': commentContext,
  commenters,
  comments,
  'complaints-register': complaintsRegister,
  cover,
  editorial,
  events,
  moderation,
  'notification-digest': notificationDigest,
  notifications,
  openapi,
  policy,
  privacy,
  queue,
  'rate-limit': rateLimit,
  'read-cache': readCache,
  'rendered-pages': renderedPages,
  reports,
  sanctions,
  settings,
  stats,
  subscriptions,
  terms,
  text,
  threads,
  transitions,
  'webhook-delivery': webhookDelivery,
  'webhook-queue': webhookQueue,
  'webhook-relay': webhookRelay,
  webhooks,
  words,
};

export type Services = { [Name in keyof typeof services]: ReturnType<(typeof services)[Name]> };
export default services;
