import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, createApiToken, type TestAdmin, type TestUser } from '../helpers/auth';
import { expectErrorEnvelope } from '../helpers/envelope';
import { createArticle, createSubscriber, ensurePolicy, postComment } from '../helpers/comments';
import { GENEROUS_LIMITS, adminCall, overrideSettings, postAndGetId, reportBy } from '../helpers/moderation';
import { runSeed } from '../../src/seed';

let app: TestApp;
let moderator: TestAdmin;
let author: TestUser;
let busyStory: { documentId: string; title: string };
let quietStory: { documentId: string; title: string };

const DAY = 24 * 3600_000;
const SATURDAY_10_LONDON = new Date('2026-11-28T10:00:00Z'); // part-time cover

const dashboard = (query = '') => adminCall(app, moderator).get(`/comments/moderation/dashboard${query}`);
const commentRow = (documentId: string) =>
  app.strapi.db.query('plugin::comments.comment').findOne({ where: { documentId } });

/** Rewrites a table's datetime columns for rows matching `where`: history the tests cannot wait for. */
const backdate = async (uid: string, where: Record<string, unknown>, values: Record<string, Date>) => {
  const { tableName, attributes } = app.strapi.db.metadata.get(uid as never) as unknown as {
    tableName: string;
    attributes: Record<string, { columnName?: string }>;
  };
  const column = (attribute: string) => attributes[attribute]?.columnName ?? attribute;
  const rename = (object: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(object).map(([key, value]) => [column(key), value]));
  await app.strapi.db.connection(tableName).where(rename(where)).update(rename(values));
};

const decide = async (documentId: string, action: 'approve' | 'remove' | 'release') => {
  const res = await adminCall(app, moderator).post(`/comments/moderation/comments/${documentId}/actions`, {
    action,
    reason: 'Dashboard test',
    version: (await commentRow(documentId)).version,
  });
  if (res.status !== 200) throw new Error(`${action} failed: ${res.status} ${JSON.stringify(res.body)}`);
};

beforeAll(async () => {
  app = await bootStrapi();
  await overrideSettings(app, { ...GENEROUS_LIMITS, autoHide: { fullTime: 2, partTime: 2 } });
  await ensurePolicy(app);
  await runSeed(app.strapi, { demoAccounts: false });
  const token = await createApiToken(app);
  moderator = await createAdmin(app, ['comments-moderator']);
  author = await createSubscriber(app, token, { displayName: 'Dashboard author' });
  busyStory = await createArticle(app, { title: 'Harbour bridge reopens' });
  quietStory = await createArticle(app, { title: 'Library hours change' });
});
afterAll(async () => {
  await app?.stop();
});

describe('the window', () => {
  test('30 days by default, 7 or 90 on request, one point per UTC day ending now', async () => {
    const standard = await dashboard();
    expect(standard.status).toBe(200);
    expect(standard.body.data.window.days).toBe(30);
    expect(standard.body.data.openOverTime).toHaveLength(30);
    const week = await dashboard('?days=7');
    expect(week.body.data.openOverTime).toHaveLength(7);
    const { openOverTime, window } = week.body.data;
    expect(openOverTime[6].at).toBe(window.to);
    expect(openOverTime[0].day).toBe(window.from.slice(0, 10));
    expect((await dashboard('?days=90')).body.data.openOverTime).toHaveLength(90);
  });

  test.each([['?days=14'], ['?days=seven'], ['?days=7&queue=reported']])('%s is refused with 400', async (query) => {
    const res = await dashboard(query);
    expectErrorEnvelope(res, 400);
  });

  test('needs the moderation read permission: 403 for an editor, 401 without a session', async () => {
    const editor = await createAdmin(app, ['strapi-editor']);
    expectErrorEnvelope(await adminCall(app, editor).get('/comments/moderation/dashboard'), 403);
    expectErrorEnvelope(await app.http().get('/comments/moderation/dashboard'), 401);
  });
});

describe('figures from real comments, reports and decisions', () => {
  let reported: string;
  let autoHidden: string;
  let held: string;
  let history: string;

  beforeAll(async () => {
    reported = await postAndGetId(app, author, busyStory.documentId, 'Reported once for spam');
    await reportBy(app, reported, 1, 'spam');
    autoHidden = await postAndGetId(app, author, busyStory.documentId, 'Hidden by two reporters');
    await reportBy(app, autoHidden, 2, 'harassment');
    await postAndGetId(app, author, busyStory.documentId, 'Same words twice');
    await postAndGetId(app, author, busyStory.documentId, 'Same words twice'); // flagged: repeated-post
    const risky = await createArticle(app, { title: 'Court case', moderationRisk: 'high' });
    const clock = jest.spyOn(app.strapi.plugin('comments').service('clock'), 'now').mockReturnValue(SATURDAY_10_LONDON);
    const heldPost = await postComment(app, author, risky.documentId, 'Held for a moderator');
    clock.mockRestore();
    held = heldPost.body.data.documentId;
    await postAndGetId(app, author, quietStory.documentId, 'A quiet comment');

    // Reported four days ago, settled two days ago.
    history = await postAndGetId(app, author, quietStory.documentId, 'An older case');
    await reportBy(app, history, 1, 'off-topic');
    await decide(history, 'approve');
    const { id } = await commentRow(history);
    const now = Date.now();
    await backdate('plugin::comments.report', { commentId: id }, { createdAt: new Date(now - 4 * DAY) });
    await backdate('plugin::comments.report', { commentId: id }, { resolvedAt: new Date(now - 2 * DAY) });
  });

  test("today's point is the queue counts the moderators see now", async () => {
    const [{ body }, stats] = await Promise.all([
      dashboard('?days=7'),
      adminCall(app, moderator).get('/comments/moderation/stats'),
    ]);
    const today = body.data.openOverTime[6];
    const { open } = stats.body.data;
    expect(today).toMatchObject({
      reported: open.reported,
      'auto-hidden': open['auto-hidden'],
      flagged: open.flagged,
      held: open.held,
    });
    expect(today).toMatchObject({ reported: 1, 'auto-hidden': 1, flagged: 1, held: 1 });
  });

  test('an item counts on the days it was open and not after its decision', async () => {
    const { body } = await dashboard('?days=7');
    const reportedByDay = body.data.openOverTime.map((point: { reported: number }) => point.reported);
    // Days 0–1 before the report, 2–4 open (end of day), 5–6 after the decision; today adds the open one.
    const points = body.data.openOverTime as Array<{ at: string; reported: number }>;
    const reportedAt = Date.now() - 4 * DAY;
    const settledAt = Date.now() - 2 * DAY;
    points.slice(0, 6).forEach((point, index) => {
      const at = Date.parse(point.at);
      expect({ index, reported: reportedByDay[index] }).toEqual({
        index,
        reported: at >= reportedAt && at < settledAt ? 1 : 0,
      });
    });
    expect(points.slice(0, 6).some((point) => point.reported === 1)).toBe(true);
  });

  test('a decision ends the stay: released and removed items leave their queues for today', async () => {
    await decide(held, 'release');
    await decide(autoHidden, 'remove');
    const { body } = await dashboard('?days=7');
    expect(body.data.openOverTime[6]).toMatchObject({ reported: 1, 'auto-hidden': 0, flagged: 1, held: 0 });
  });

  test('reports by reason in the window, every reason listed, most first', async () => {
    const { body } = await dashboard('?days=7');
    const counts = Object.fromEntries(
      body.data.reasons.map((row: { reason: string; count: number }) => [row.reason, row.count])
    );
    expect(counts).toMatchObject({ harassment: 2, spam: 1, 'off-topic': 1, hate: 0, illegal: 0 });
    expect(body.data.reasons[0]).toEqual({ reason: 'harassment', count: 2 });
    expect(body.data.reasons).toHaveLength(9);
  });

  test('the busiest stories with their titles, comments and reports', async () => {
    const { body } = await dashboard('?days=7');
    const [first, second] = body.data.busiestStories;
    expect(first).toEqual({
      story: { type: 'api::article.article', documentId: busyStory.documentId, title: 'Harbour bridge reopens' },
      comments: 4,
      reports: 3,
    });
    // Its report is dated four days ago: inside the window of 7 days.
    expect(second).toMatchObject({ story: { title: 'Library hours change' }, comments: 2, reports: 1 });
  });
});

describe('response times by cover', () => {
  test('median and p90 of the minutes from first report to decision, by the cover on the first report', async () => {
    const decidedAfter = async (minutes: number, cover: 'full-time' | 'part-time') => {
      const id = await postAndGetId(app, author, quietStory.documentId, `Decided after ${minutes} minutes`);
      await reportBy(app, id, 1, 'abusive');
      await decide(id, 'approve');
      const row = await commentRow(id);
      await backdate(
        'plugin::comments.comment',
        { id: row.id },
        { firstReportedAt: new Date(new Date(row.moderatedAt).getTime() - minutes * 60_000) }
      );
      await app.strapi.db
        .query('plugin::comments.report')
        .updateMany({ where: { commentId: row.id }, data: { coverAtReport: cover } });
    };
    // The scenario above decided two reported comments within seconds; their cover is made full-time.
    await app.strapi.db
      .query('plugin::comments.report')
      .updateMany({ where: {}, data: { coverAtReport: 'full-time' } });
    expect((await dashboard('?days=7')).body.data.responseTimes.all.items).toBe(2);
    await decidedAfter(600, 'full-time');
    await decidedAfter(1200, 'full-time');
    await decidedAfter(1800, 'part-time');

    const { responseTimes } = (await dashboard('?days=7')).body.data;
    // All: [~0, ~0, 600, 1200, 1800]: the median is the 3rd, the p90 the 5th.
    expect(responseTimes.all).toEqual({ items: 5, medianMinutes: 600, p90Minutes: 1800 });
    // Full-time: [~0, ~0, 600, 1200]: the 2nd and the 4th.
    expect(responseTimes.fullTime).toMatchObject({ items: 4, p90Minutes: 1200 });
    expect(responseTimes.fullTime.medianMinutes).toBeLessThan(1);
    expect(responseTimes.partTime).toEqual({ items: 1, medianMinutes: 1800, p90Minutes: 1800 });

    // The overview figures read the same comments: the two agree.
    const overview = (await adminCall(app, moderator).get('/comments/moderation/stats')).body.data.responseTimes
      .last7Days;
    for (const cover of ['all', 'fullTime', 'partTime'] as const) {
      expect(responseTimes[cover].items).toBe(overview[cover].items);
      expect(responseTimes[cover].medianMinutes).toBeCloseTo(overview[cover].medianMinutes, 3);
      expect(responseTimes[cover].p90Minutes).toBeCloseTo(overview[cover].p90Minutes, 3);
    }
  });
});
