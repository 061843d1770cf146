import { isDroppable, noticesFor, type EventFacts, type Recipient } from './notifications';

const reader = (userId: number, opts: Partial<Recipient> = {}): Recipient => ({
  userId,
  email: `reader${userId}@example.com`,
  replies: false,
  reportOutcomes: false,
  ...opts,
});
const thread = { type: 'api::article.article', documentId: 'story' };
const transition = (overrides: Record<string, unknown> = {}) => ({
  comment: 'c1',
  thread,
  transition: 'hide',
  from: 'visible',
  to: 'hidden',
  version: 2,
  actor: 'moderator',
  publicReason: 'Personal attack',
  ...overrides,
});
const facts = (overrides: Partial<EventFacts>): EventFacts => ({
  type: 'comment.hidden',
  payload: transition(),
  cover: 'full-time',
  dutyModerators: ['duty@example.com'],
  commentAuthor: reader(1),
  parentAuthor: null,
  reporters: [],
  complainant: null,
  decision: 'd1',
  ...overrides,
});

describe('moderation notices', () => {
  test('a hidden comment’s author is told the public reason and the decision to appeal', () => {
    expect(noticesFor(facts({}))).toEqual([
      {
        kind: 'moderation-notice',
        to: 'reader1@example.com',
        userId: 1,
        vars: { action: 'hidden', comment: 'c1', publicReason: 'Personal attack', decision: 'd1' },
      },
    ]);
  });

  test.each([
    ['comment.removed', 'remove', 'removed'],
    ['comment.amended', 'amend', 'amended'],
  ] as const)('%s is a notice too, whatever the author opted into', (type, step, action) => {
    const [notice] = noticesFor(facts({ type, payload: transition({ transition: step }) }));
    expect(notice).toMatchObject({ kind: 'moderation-notice', vars: { action } });
  });

  test('no notice for an automatic hide or an upheld appeal’s revert', () => {
    expect(noticesFor(facts({ payload: transition({ actor: 'system' }) }))).toEqual([]);
    expect(
      noticesFor(facts({ type: 'comment.amended', payload: transition({ transition: 'revert-amendment' }) }))
    ).toEqual([]);
  });

  test('legal notices and duty alerts are never dropped by the rate limit, optional notices are', () => {
    expect(isDroppable('moderation-notice')).toBe(false);
    expect(isDroppable('duty-alert')).toBe(false);
    expect(isDroppable('reply')).toBe(true);
    expect(isDroppable('report-outcome')).toBe(true);
  });
});

describe('reports and complaints', () => {
  test('reporters who opted in hear the outcome; the others do not', () => {
    const reporters = [
      { ...reader(2, { reportOutcomes: true }), outcome: 'upheld' as const },
      { ...reader(3), outcome: 'upheld' as const },
    ];
    const notices = noticesFor(facts({ reporters }));
    expect(notices.map((notice) => [notice.kind, notice.to])).toEqual([
      ['moderation-notice', 'reader1@example.com'],
      ['report-outcome', 'reader2@example.com'],
    ]);
    const approved = noticesFor(
      facts({
        type: 'comment.approved',
        payload: transition({ transition: 'approve' }),
        reporters: [{ ...reporters[0], outcome: 'not-upheld' }],
      })
    );
    expect(approved).toEqual([
      expect.objectContaining({ kind: 'report-outcome', vars: { comment: 'c1', outcome: 'not upheld' } }),
    ]);
  });

  test('a complaint’s outcome goes to the complainant who opted in', () => {
    const payload = { complaint: 'k1', story: thread, comment: null, outcome: 'upheld', correctionNote: 'Fixed' };
    const complainant = reader(4, { reportOutcomes: true });
    expect(noticesFor(facts({ type: 'complaint.resolved', payload, complainant }))).toEqual([
      expect.objectContaining({
        kind: 'complaint-outcome',
        to: complainant.email,
        vars: { outcome: 'upheld: the story is being corrected', correctionNote: 'Fixed' },
      }),
    ]);
    expect(noticesFor(facts({ type: 'complaint.resolved', payload, complainant: reader(4) }))).toEqual([]);
  });

  test.each(['illegal', 'harassment'])('a %s report alerts every duty moderator at once', (reason) => {
    const payload = { comment: 'c1', thread, report: 'r1', reason };
    const notices = noticesFor(facts({ type: 'comment.reported', payload, dutyModerators: ['a@x.test', 'b@x.test'] }));
    expect(notices.map((notice) => [notice.kind, notice.to])).toEqual([
      ['duty-alert', 'a@x.test'],
      ['duty-alert', 'b@x.test'],
    ]);
  });

  test('a spam report alerts nobody', () => {
    const payload = { comment: 'c1', thread, report: 'r1', reason: 'spam' };
    expect(noticesFor(facts({ type: 'comment.reported', payload }))).toEqual([]);
  });

  test('an auto-hide alerts the duty moderators only outside full-time cover', () => {
    const autoHide = {
      type: 'comment.auto-hidden' as const,
      payload: transition({ transition: 'auto-hide', actor: 'system' }),
    };
    expect(noticesFor(facts({ ...autoHide, cover: 'full-time' }))).toEqual([]);
    expect(noticesFor(facts({ ...autoHide, cover: 'part-time' }))).toEqual([
      expect.objectContaining({ kind: 'duty-alert', to: 'duty@example.com' }),
    ]);
  });
});

describe('replies', () => {
  const created = (parent: string | null, status = 'visible') => ({
    type: 'comment.created' as const,
    payload: { comment: 'c2', thread, parent, author: 'u', status, flagged: false },
    commentAuthor: reader(5),
  });

  test('the parent’s author hears of a visible reply only if they opted in', () => {
    expect(noticesFor(facts({ ...created('c1'), parentAuthor: reader(1, { replies: true }) }))).toEqual([
      { kind: 'reply', to: 'reader1@example.com', userId: 1, vars: { comment: 'c2', parent: 'c1', story: 'story' } },
    ]);
    expect(noticesFor(facts({ ...created('c1'), parentAuthor: reader(1) }))).toEqual([]);
  });

  test('no notice for a held reply, a top-level comment, or a reply to oneself', () => {
    const parentAuthor = reader(1, { replies: true });
    expect(noticesFor(facts({ ...created('c1', 'held'), parentAuthor }))).toEqual([]);
    expect(noticesFor(facts({ ...created(null), parentAuthor }))).toEqual([]);
    expect(noticesFor(facts({ ...created('c1'), parentAuthor, commentAuthor: parentAuthor }))).toEqual([]);
  });
});
