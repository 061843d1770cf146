import access from './access';
import audit from './audit';
import clock from './clock';
import commenters from './commenters';
import comments from './comments';
import cover from './cover';
import events from './events';
import policy from './policy';
import privacy from './privacy';
import rateLimit from './rate-limit';
import reports from './reports';
import settings from './settings';
import subscriptions from './subscriptions';
import text from './text';
import threads from './threads';
import words from './words';

const services = {
  access,
  audit,
  clock,
  commenters,
  comments,
  cover,
  events,
  policy,
  privacy,
  'rate-limit': rateLimit,
  reports,
  settings,
  subscriptions,
  text,
  threads,
  words,
};

export type Services = { [Name in keyof typeof services]: ReturnType<(typeof services)[Name]> };
export default services;
