import crypto from 'crypto';
import type { TestApp } from './strapi';
import { createUser, type TestUser } from './auth';

export const TERMS_VERSION = '2024-11-16';

const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });

/** The community policy single type, as editors would save it. */
export const ensurePolicy = async (app: TestApp, termsVersion = TERMS_VERSION) => {
  const documents = app.strapi.documents('plugin::comments.community-policy' as never) as any;
  const existing = await documents.findFirst();
  const data = {
    title: 'Comments & Moderation',
    whySubscribersOnly: [paragraph('Commenting is open to subscribers only.')],
    liabilityNotice: 'You are personally liable for the content of any comments you upload to this website.',
    moderationStatement: 'We do not pre-moderate comments; we post-moderate in response to complaints.',
    moderationHoursText:
      'Post moderation is undertaken full-time 9am-6pm on weekdays, and on a part-time basis outwith those hours.',
    rules: [paragraph('Be civil.')],
    termsVersion,
    lastUpdated: '2024-11-16',
  };
  return existing ? documents.update({ documentId: existing.documentId, data }) : documents.create({ data });
};

/** A published article that takes comments. */
export const createArticle = async (
  app: TestApp,
  overrides: Partial<{
    title: string;
    commenting: string;
    commentsCloseAt: string | null;
    moderationRisk: string;
  }> = {},
  status: 'published' | 'draft' = 'published'
) => {
  const title = overrides.title ?? `Story ${crypto.randomBytes(4).toString('hex')}`;
  const documents = app.strapi.documents('api::article.article') as any;
  return documents.create({
    data: {
      title,
      slug: title.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
      standfirst: 'A standfirst.',
      body: [paragraph('A paragraph.')],
      section: 'World',
      commenting: 'open',
      moderationRisk: 'normal',
      ...overrides,
    },
    status,
  });
};

/** Syncs a subscription through the real API-token route. */
export const syncSubscription = async (
  app: TestApp,
  token: string,
  data: { email: string; status: 'active' | 'cancelled' | 'expired'; expiresAt?: string | null }
) => app.http().post('/api/comments/subscriptions').set('Authorization', `Bearer ${token}`).send({ data });

/** A confirmed reader with an active subscription who has accepted the current terms, all through REST. */
export const createSubscriber = async (
  app: TestApp,
  token: string,
  options: { displayName?: string } = {}
): Promise<TestUser> => {
  const user = await createUser(app);
  const sync = await syncSubscription(app, token, { email: user.email, status: 'active', expiresAt: null });
  if (sync.status !== 200) throw new Error(`subscription sync failed: ${sync.status} ${JSON.stringify(sync.body)}`);
  const terms = await app
    .http()
    .post('/api/comments/me/terms')
    .set('Authorization', `Bearer ${user.jwt}`)
    .send({ data: { version: TERMS_VERSION } });
  if (terms.status !== 200) throw new Error(`terms failed: ${terms.status} ${JSON.stringify(terms.body)}`);
  if (options.displayName) {
    await app
      .http()
      .patch('/api/comments/me')
      .set('Authorization', `Bearer ${user.jwt}`)
      .send({ data: { displayName: options.displayName } });
  }
  return user;
};

export const bearer = (user: { jwt: string }) => ({ Authorization: `Bearer ${user.jwt}` });

export const postComment = (app: TestApp, user: TestUser, threadId: string, body: string, parent?: string) =>
  app
    .http()
    .post(`/api/comments/threads/${threadId}`)
    .set(bearer(user))
    .send({ data: parent ? { body, parent } : { body } });
