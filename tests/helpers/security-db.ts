import type { TestApp } from './strapi';

export const USER_UID = 'plugin::users-permissions.user';
export const COMMENT_UID = 'plugin::comments.comment';
export const REPORT_UID = 'plugin::comments.report';
export const COMMENTER_UID = 'plugin::comments.commenter';
export const AUDIT_UID = 'plugin::comments.moderation-event';

/** Every row of these content types, in id order: compare a snapshot before and after a refused request. */
export const snapshot = async (app: TestApp, uids: string[]): Promise<Record<string, unknown[]>> => {
  const entries = await Promise.all(
    uids.map(async (uid) => [uid, await app.strapi.db.query(uid as never).findMany({ orderBy: { id: 'asc' } })])
  );
  return Object.fromEntries(entries);
};

/** The comment and reader tables a reader's request could write to. */
export const READER_TABLES = [USER_UID, COMMENT_UID, REPORT_UID, COMMENTER_UID, AUDIT_UID];
