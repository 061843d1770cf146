import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, createApiToken, type TestAdmin, type TestUser } from '../helpers/auth';
import { expectErrorEnvelope } from '../helpers/envelope';
import { bearer, createArticle, createSubscriber, ensurePolicy, postComment } from '../helpers/comments';
import { GENEROUS_LIMITS, adminCall, postAndGetId } from '../helpers/moderation';

let app: TestApp;
let moderator: TestAdmin;
let superAdmin: TestAdmin;
let author: TestUser;
let token: string;
let articleId: string;
let clock: jest.SpyInstance;

const WEDNESDAY_NOON = new Date('2026-11-25T12:00:00Z');
const CHRISTMAS_EVE_NOON = new Date('2026-12-24T12:00:00Z');
const ROUND_THE_CLOCK = [{ days: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '24:00' }];

const at = (moment: Date) => clock.mockReturnValue(moment);
const minutesAfter = (moment: Date, minutes: number) => new Date(moment.getTime() + minutes * 60_000);
const stats = async () => (await adminCall(app, moderator).get('/comments/moderation/stats')).body.data;
const policyCover = async () => (await app.http().get('/api/comments/policy')).body.data.moderation;
const overrides = async () =>
  (await adminCall(app, superAdmin).get('/comments/moderation/settings')).body.data.overrides;
const putSettings = (data: unknown) => adminCall(app, superAdmin).put('/comments/moderation/settings', { data });
const reportRow = (commentDocumentId: string, reason = 'abusive') =>
  app.strapi.db.query('plugin::comments.report').findOne({ where: { commentDocumentId, reason } });

/** A subscriber's report (trusted, so it counts), answered 200. */
const reportAs = async (commentId: string, reason: string) => {
  const reporter = await createSubscriber(app, token);
  const res = await app
    .http()
    .post(`/api/comments/${commentId}/reports`)
    .set(bearer(reporter))
    .send({ data: { reason, note: 'Please look' } });
  expect(res.status).toBe(200);
};

/** A moderator approves the comment at `moment`: its first action, which ends the response time. */
const approveAt = async (commentId: string, moment: Date) => {
  at(moment);
  const comment = await app.strapi.db.query('plugin::comments.comment').findOne({ where: { documentId: commentId } });
  const approve = await adminCall(app, moderator).post(`/comments/moderation/comments/${commentId}/actions`, {
    action: 'approve',
    reason: 'Within the rules',
    version: comment.version,
  });
  expect(approve.status).toBe(200);
};

beforeAll(async () => {
  app = await bootStrapi();
  await app.strapi.plugin('comments').service('settings').setOverrides(GENEROUS_LIMITS);
  await ensurePolicy(app);
  token = await createApiToken(app);
  moderator = await createAdmin(app, ['comments-moderator']);
  superAdmin = await createAdmin(app, ['strapi-super-admin']);
  author = await createSubscriber(app, token, { displayName: 'Calendar' });
  articleId = (await createArticle(app)).documentId;
  clock = jest.spyOn(app.strapi.plugin('comments').service('clock'), 'now');
});
afterAll(async () => {
  clock?.mockRestore();
  await app?.stop();
});

describe('public holidays of the configured region: Scotland by default', () => {
  test.each([
    ['Christmas Day (Friday)', '2026-12-25T12:00:00Z', /^Christmas Day$/],
    ['St Andrew’s Day (Monday)', '2026-11-30T12:00:00Z', /St Andrew/],
    ['2 January (Friday), a Scottish-only bank holiday', '2026-01-02T12:00:00Z', /January/],
  ])('%s at noon is part-time cover, in the stats and the public policy', async (_, moment, name) => {
    at(new Date(moment));
    const { cover } = await stats();
    expect(cover).toMatchObject({
      cover: 'part-time',
      holidayRegion: 'GB-SCT',
      holiday: { date: moment.slice(0, 10), name: expect.stringMatching(name), source: 'public-holiday' },
    });
    expect(await policyCover()).toMatchObject({ cover: 'part-time', holiday: { source: 'public-holiday' } });
  });

  test('an ordinary Wednesday at noon is full-time, no holiday, next change at 18:00', async () => {
    at(WEDNESDAY_NOON);
    expect((await stats()).cover).toMatchObject({
      cover: 'full-time',
      holiday: null,
      nextChangeAt: '2026-11-25T18:00:00.000Z',
    });
  });

  test('on Christmas Day a comment on a high-risk story waits in the held queue; on a Wednesday it publishes', async () => {
    const risky = (await createArticle(app, { moderationRisk: 'high' })).documentId;
    at(new Date('2026-12-25T12:00:00Z'));
    const christmas = await postComment(app, author, risky, 'Posted on Christmas Day');
    expect(christmas.status).toBe(201);
    expect(christmas.body.data.status).toBe('held');
    const held = await adminCall(app, moderator).get('/comments/moderation/queue?queue=held');
    expect(held.body.data.map((row: any) => row.documentId)).toContain(christmas.body.data.documentId);
    at(WEDNESDAY_NOON);
    expect((await postComment(app, author, risky, 'Posted on a Wednesday')).body.data.status).toBe('visible');
  });
});

describe('dates a moderator adds in the settings', () => {
  test('Christmas Eve added through the settings route becomes part-time, up to Tuesday 29 December', async () => {
    const before = await overrides();
    at(CHRISTMAS_EVE_NOON);
    expect((await stats()).cover).toMatchObject({ cover: 'full-time', holiday: null });
    const saved = await putSettings({ ...before, schedule: { extraHolidays: ['2026-12-24'] } });
    expect(saved.status).toBe(200);
    expect(saved.body.data.settings.schedule).toMatchObject({
      timezone: 'Europe/London',
      holidayRegion: 'GB-SCT',
      extraHolidays: ['2026-12-24'],
    });
    expect((await stats()).cover).toMatchObject({
      cover: 'part-time',
      holiday: { date: '2026-12-24', source: 'settings' },
      nextChangeAt: '2026-12-29T09:00:00.000Z',
    });
    expect((await putSettings(before)).status).toBe(200);
    expect((await stats()).cover.cover).toBe('full-time');
  });

  test.each([
    ['a date that does not exist', { extraHolidays: ['2026-02-30'] }, /extraHolidays/],
    ['a date in another format', { extraHolidays: ['24/12/2026'] }, /extraHolidays/],
    ['more than a year of dates', { extraHolidays: Array(367).fill('2026-12-24') }, /extraHolidays/],
    ['a region date-holidays does not know', { holidayRegion: 'GB-XXX' }, /holidayRegion/],
    ['a region that is not a string', { holidayRegion: { country: 'GB', state: 'SCT' } }, /holidayRegion/],
    ['an unknown key', { holidays: ['2026-12-24'] }, /holidays/],
  ])('%s: 400, nothing stored', async (_, schedule, field) => {
    const before = await overrides();
    const res = await putSettings({ ...before, schedule });
    expectErrorEnvelope(res, 400);
    expect(JSON.stringify(res.body.error.details)).toMatch(field);
    expect(await overrides()).toEqual(before);
  });

  test('another region: with England’s calendar 2 January is a working day and Easter Monday a holiday', async () => {
    const before = await overrides();
    expect((await putSettings({ ...before, schedule: { holidayRegion: 'GB-ENG' } })).status).toBe(200);
    at(new Date('2026-01-02T12:00:00Z'));
    expect((await stats()).cover).toMatchObject({ cover: 'full-time', holidayRegion: 'GB-ENG', holiday: null });
    at(new Date('2026-04-06T11:00:00Z'));
    expect((await stats()).cover).toMatchObject({ cover: 'part-time', holiday: { name: 'Easter Monday' } });
    expect((await putSettings(before)).status).toBe(200);
  });
});

describe('response times use the cover stored on each report', () => {
  // A week of its own, away from the other tests' moments.
  const ST_ANDREWS_2027_NOON = new Date('2027-11-30T12:00:00Z');
  const WEDNESDAY_2027_NOON = new Date('2027-12-01T12:00:00Z');

  test('a report made under part-time cover stays part-time after the schedule changes; older reports are computed', async () => {
    const before = await overrides();
    // An editorial complaint the day before is not the first counted report.
    at(new Date('2027-11-29T12:00:00Z'));
    const holidayComment = await postAndGetId(app, author, articleId, 'Reported on St Andrew’s Day');
    await reportAs(holidayComment, 'factual-error');
    at(ST_ANDREWS_2027_NOON);
    await reportAs(holidayComment, 'abusive');
    await approveAt(holidayComment, minutesAfter(ST_ANDREWS_2027_NOON, 30));
    at(WEDNESDAY_2027_NOON);
    const weekdayComment = await postAndGetId(app, author, articleId, 'Reported on a Wednesday');
    await reportAs(weekdayComment, 'abusive');
    await approveAt(weekdayComment, minutesAfter(WEDNESDAY_2027_NOON, 10));
    expect(await reportRow(holidayComment)).toMatchObject({ coverAtReport: 'part-time' });
    expect(await reportRow(holidayComment, 'factual-error')).toMatchObject({ coverAtReport: 'full-time' });
    expect(await reportRow(weekdayComment)).toMatchObject({ coverAtReport: 'full-time' });

    // Round-the-clock cover under England's calendar: today's schedule would call both full-time.
    const changed = await putSettings({ ...before, schedule: { holidayRegion: 'GB-ENG', fullTime: ROUND_THE_CLOCK } });
    expect(changed.status).toBe(200);
    at(new Date('2027-12-02T12:00:00Z'));
    const week = (await stats()).responseTimes.last7Days;
    expect(week.partTime).toEqual({ items: 1, medianMinutes: 30, p90Minutes: 30 });
    expect(week.fullTime).toEqual({ items: 1, medianMinutes: 10, p90Minutes: 10 });

    // A report from before the cover was stored: computed from today's schedule.
    await app.strapi.db
      .query('plugin::comments.report')
      .update({ where: { commentDocumentId: holidayComment, reason: 'abusive' }, data: { coverAtReport: null } });
    const computed = (await stats()).responseTimes.last7Days;
    expect(computed.partTime.items).toBe(0);
    expect(computed.fullTime).toMatchObject({ items: 2, medianMinutes: 10, p90Minutes: 30 });
    expect((await putSettings(before)).status).toBe(200);
  });
});
