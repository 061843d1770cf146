import { getService } from './get-service';
import type { CommentStatus } from '../rules/transitions';

/** A row of the comments table as the Query Engine or the thread query returns it. */
export interface CommentRow {
  id: number;
  documentId: string;
  body: string | null;
  threadType: string;
  threadId: string;
  parentId: string | null;
  authorId: number | null;
  authorName: string | null;
  status: CommentStatus;
  autoHidden?: boolean;
  flagged?: boolean;
  flagReasons?: string[] | null;
  reportCount?: number;
  trustedReportCount?: number;
  reviewedAt?: string | Date | null;
  clearedAt?: string | Date | null;
  firstReportedAt?: string | Date | null;
  needsReview?: boolean;
  editedAt: string | Date | null;
  amendedByModerator: boolean;
  amendedAt?: string | Date | null;
  moderatedAt?: string | Date | null;
  publicReason?: string | null;
  version: number;
  createdAt: string | Date;
  updatedAt?: string | Date;
}

export interface PublicComment {
  documentId: string;
  body: string | null;
  html: string | null;
  author: { displayName: string | null } | null;
  parent: string | null;
  status: 'visible' | 'removed';
  createdAt: string;
  editedAt: string | null;
  amendedByModerator: boolean;
}

const iso = (value: string | number | Date | null | undefined): string | null =>
  value === null || value === undefined ? null : new Date(value).toISOString();

/**
 * The public shape: text and author only while the comment is visible; otherwise a tombstone
 * (`status: "removed"`, no text, no author) so its replies keep their place.
 */
export const toPublicComment = (row: CommentRow): PublicComment => {
  const visible = row.status === 'visible';
  return {
    documentId: row.documentId,
    body: visible ? row.body : null,
    html: visible && row.body !== null ? getService('text').toHtml(row.body) : null,
    author: visible ? { displayName: row.authorName } : null,
    parent: row.parentId,
    status: visible ? 'visible' : 'removed',
    createdAt: iso(row.createdAt) as string,
    editedAt: visible ? iso(row.editedAt) : null,
    amendedByModerator: visible ? Boolean(row.amendedByModerator) : false,
  };
};

export type OwnCommentState = 'visible' | 'held' | 'hidden' | 'removed' | 'amended' | 'withdrawn';

const ownState = (row: CommentRow): OwnCommentState => {
  if (row.status === 'visible') return row.amendedByModerator ? 'amended' : 'visible';
  if (row.status === 'erased') return 'removed';
  // To its author a withdrawal is a withdrawal, whether or not moderators still review it.
  if (row.status === 'withdrawn-under-review') return 'withdrawn';
  return row.status;
};

const ownStatus = (status: CommentStatus) =>
  status === 'erased' ? 'removed' : status === 'withdrawn-under-review' ? 'withdrawn' : status;

/** What the author sees of their own comment: its state and the moderator's public reason. */
export const toOwnComment = (row: CommentRow) => ({
  documentId: row.documentId,
  body: row.body,
  html: row.body !== null && row.status !== 'erased' ? getService('text').toHtml(row.body) : null,
  thread: { type: row.threadType, documentId: row.threadId },
  parent: row.parentId,
  status: ownStatus(row.status),
  state: ownState(row),
  publicReason: row.publicReason ?? null,
  createdAt: iso(row.createdAt),
  editedAt: iso(row.editedAt),
  amendedByModerator: Boolean(row.amendedByModerator),
  version: row.version,
});
