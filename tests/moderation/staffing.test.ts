import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, createApiToken, type TestAdmin, type TestUser } from '../helpers/auth';
import { expectErrorEnvelope } from '../helpers/envelope';
import { bearer, createArticle, createSubscriber, ensurePolicy, postComment } from '../helpers/comments';
import { GENEROUS_LIMITS, adminCall, postAndGetId, reportBy } from '../helpers/moderation';
import { runSeed } from '../../src/seed';

let app: TestApp;
let moderator: TestAdmin;
let editor: TestAdmin;
let author: TestUser;
let token: string;
let articleId: string;
let clock: jest.SpyInstance;

const WEEKDAY_10_LONDON = new Date('2026-11-25T10:00:00Z'); // Wednesday, GMT
const SATURDAY_10_LONDON = new Date('2026-11-28T10:00:00Z');
const at = (moment: Date) => clock.mockReturnValue(moment);
const row = (documentId: string) => app.strapi.db.query('plugin::comments.comment').findOne({ where: { documentId } });

beforeAll(async () => {
  app = await bootStrapi();
  await app.strapi.plugin('comments').service('settings').setOverrides(GENEROUS_LIMITS);
  await ensurePolicy(app);
  await runSeed(app.strapi, { demoAccounts: false });
  token = await createApiToken(app);
  moderator = await createAdmin(app, ['comments-moderator']);
  editor = await createAdmin(app, ['strapi-editor']);
  author = await createSubscriber(app, token, { displayName: 'Regular' });
  articleId = (await createArticle(app)).documentId;
  clock = jest.spyOn(app.strapi.plugin('comments').service('clock'), 'now');
});
afterAll(async () => {
  clock?.mockRestore();
  await app?.stop();
});

describe('staffing cover', () => {
  const cover = () => app.strapi.plugin('comments').service('cover');
  const schedule = () => app.strapi.plugin('comments').service('settings').defaults().schedule;

  test.each([
    ['Wednesday 10:00 GMT', '2026-11-25T10:00:00Z', 'full-time'],
    ['Wednesday 18:00 GMT (end is exclusive)', '2026-11-25T18:00:00Z', 'part-time'],
    ['Saturday 10:00', '2026-11-28T10:00:00Z', 'part-time'],
    ['Monday after the March change, 09:30 BST', '2026-03-30T08:30:00Z', 'full-time'],
    ['Monday after the March change, 08:30 BST', '2026-03-30T07:30:00Z', 'part-time'],
    ['Monday after the March change, 17:30 BST', '2026-03-30T16:30:00Z', 'full-time'],
    ['Monday after the March change, 18:30 BST', '2026-03-30T17:30:00Z', 'part-time'],
    ['Monday after the October change, 09:30 GMT', '2026-10-26T09:30:00Z', 'full-time'],
    ['Monday after the October change, 08:30 GMT', '2026-10-26T08:30:00Z', 'part-time'],
    ['Friday before the March change, 09:30 GMT', '2026-03-27T09:30:00Z', 'full-time'],
  ])('%s is %s cover', (_, moment, expected) => {
    expect(cover().at(new Date(moment), schedule())).toBe(expected);
  });
});

describe('auto-hide thresholds follow the cover', () => {
  test.each([
    ['weekday 10:00 London (full-time): 5 reporters', WEEKDAY_10_LONDON, 5],
    ['Saturday 10:00 London (part-time): 3 reporters', SATURDAY_10_LONDON, 3],
    ['the Monday after the March change, 09:30 BST (full-time): 5 reporters', new Date('2026-03-30T08:30:00Z'), 5],
    ['the Monday after the March change, 08:30 BST (part-time): 3 reporters', new Date('2026-03-30T07:30:00Z'), 3],
  ])('%s', async (_, moment, threshold) => {
    at(moment);
    const id = await postAndGetId(app, author, articleId, `Reported at ${moment.toISOString()}`);
    await reportBy(app, id, threshold - 1);
    expect((await row(id)).status).toBe('visible');
    await reportBy(app, id, 1);
    expect(await row(id)).toMatchObject({ status: 'hidden', autoHidden: true, needsReview: true });
    const queue = await adminCall(app, moderator).get('/comments/moderation/queue?queue=auto-hidden');
    expect(queue.body.data.map((r: any) => r.documentId)).toContain(id);
    const [audit] = await app.strapi.db
      .query('plugin::comments.moderation-event')
      .findMany({ where: { commentDocumentId: id, action: 'auto-hidden' } });
    expect(audit).toMatchObject({ actorType: 'system', actorName: 'system' });
    // Reversible: a moderator approves it back into the thread.
    const approve = await adminCall(app, moderator).post(`/comments/moderation/comments/${id}/actions`, {
      action: 'approve',
      reason: 'Pile-on',
      version: (await row(id)).version,
    });
    expect(approve.body.data.status).toBe('visible');
    // The decision settles those reports: one more report does not hide it again.
    await reportBy(app, id, 1);
    expect(await row(id)).toMatchObject({ status: 'visible', reportCount: 1 });
  });

  test('factual-error reports never count towards hiding and never enter the moderators’ queue', async () => {
    at(SATURDAY_10_LONDON);
    const id = await postAndGetId(app, author, articleId, 'The story has it wrong');
    await reportBy(app, id, 4, 'factual-error');
    expect(await row(id)).toMatchObject({ status: 'visible', reportCount: 0, needsReview: false });
    const queue = await adminCall(app, moderator).get('/comments/moderation/queue?queue=all&pageSize=100');
    expect(queue.body.data.map((r: any) => r.documentId)).not.toContain(id);
    const complaints = await adminCall(app, editor).get(`/comments/editorial/complaints?article=${articleId}`);
    expect(complaints.status).toBe(200);
    expect(complaints.body.data.filter((c: any) => c.comment.documentId === id)).toHaveLength(4);
    expect(complaints.body.data[0]).toMatchObject({
      story: { documentId: articleId },
      comment: { body: 'The story has it wrong' },
      note: expect.stringMatching(/^Report/),
    });
  });
});

describe('high-risk stories outside full-time cover', () => {
  test('comments are held until a moderator releases them; with full-time cover they publish at once', async () => {
    const risky = (await createArticle(app, { moderationRisk: 'high' })).documentId;
    at(SATURDAY_10_LONDON);
    const held = await postComment(app, author, risky, 'Weekend comment on a sensitive story');
    expect(held.status).toBe(201);
    expect(held.body.data.status).toBe('held');
    const publicThread = await app.http().get(`/api/comments/threads/${risky}`);
    expect(publicThread.body.data).toEqual([]);
    const mine = await app.http().get('/api/comments/me/comments').set(bearer(author));
    expect(mine.body.data.find((c: any) => c.documentId === held.body.data.documentId).state).toBe('held');
    const queue = await adminCall(app, moderator).get('/comments/moderation/queue?queue=held');
    expect(queue.body.data.map((r: any) => r.documentId)).toContain(held.body.data.documentId);

    const released = await adminCall(app, moderator).post(
      `/comments/moderation/comments/${held.body.data.documentId}/actions`,
      {
        action: 'release',
        reason: 'Fine',
        version: held.body.data.version,
      }
    );
    expect(released.body.data.status).toBe('visible');
    expect((await app.http().get(`/api/comments/threads/${risky}`)).body.data).toHaveLength(1);

    at(WEEKDAY_10_LONDON);
    const weekday = await postComment(app, author, risky, 'Weekday comment');
    expect(weekday.body.data.status).toBe('visible');
  });
});

describe('queue priority', () => {
  test('auto-hidden first, then illegal > hate/harassment > abusive > the rest, then reporters, then age', async () => {
    at(WEEKDAY_10_LONDON);
    const story = (await createArticle(app)).documentId;
    const spam = await postAndGetId(app, author, story, 'spam one');
    const abusiveMany = await postAndGetId(app, author, story, 'abusive, many reporters');
    const abusiveFew = await postAndGetId(app, author, story, 'abusive, few reporters');
    const hate = await postAndGetId(app, author, story, 'hate');
    const illegal = await postAndGetId(app, author, story, 'illegal');
    const hidden = await postAndGetId(app, author, story, 'auto-hidden spam');
    await reportBy(app, spam, 4, 'spam');
    await reportBy(app, abusiveMany, 3, 'abusive');
    await reportBy(app, abusiveFew, 1, 'abusive');
    await reportBy(app, hate, 1, 'hate');
    await reportBy(app, illegal, 1, 'illegal');
    await reportBy(app, hidden, 5, 'spam');
    const res = await adminCall(app, moderator).get(
      `/comments/moderation/queue?queue=all&article=${story}&sort=priority`
    );
    expect(res.body.data.map((r: any) => r.documentId)).toEqual([hidden, illegal, hate, abusiveMany, abusiveFew, spam]);
    const oldest = await adminCall(app, moderator).get(
      `/comments/moderation/queue?queue=all&article=${story}&sort=oldest`
    );
    expect(oldest.body.data.map((r: any) => r.documentId)).toEqual([
      spam,
      abusiveMany,
      abusiveFew,
      hate,
      illegal,
      hidden,
    ]);
    const byReason = await adminCall(app, moderator).get(
      `/comments/moderation/queue?queue=all&article=${story}&reason=hate`
    );
    expect(byReason.body.data.map((r: any) => r.documentId)).toEqual([hate]);
  });
});

describe('figures for moderators and editors', () => {
  test('stats: open items, oldest open item and response times by cover on a known data set', async () => {
    const story = (await createArticle(app)).documentId;
    const mod = adminCall(app, moderator);
    const handled = async (reportedAt: Date, minutesLater: number) => {
      at(reportedAt);
      const id = await postAndGetId(app, author, story, `Handled ${reportedAt.toISOString()}`);
      await reportBy(app, id, 1, 'abusive');
      at(new Date(reportedAt.getTime() + minutesLater * 60_000));
      await mod.post(`/comments/moderation/comments/${id}/actions`, {
        action: 'approve',
        reason: 'ok',
        version: (await row(id)).version,
      });
    };
    // Full-time: 10, 20, 30 minutes. Part-time: 60 and 240 minutes.
    // In a week of its own, away from the other tests' moments.
    await handled(new Date('2027-02-01T10:00:00Z'), 10);
    await handled(new Date('2027-02-02T10:00:00Z'), 20);
    await handled(new Date('2027-02-03T11:00:00Z'), 30);
    await handled(new Date('2027-01-30T10:00:00Z'), 60);
    await handled(new Date('2027-01-31T22:00:00Z'), 240);

    at(new Date('2027-02-04T12:00:00Z'));
    const res = await mod.get('/comments/moderation/stats');
    expect(res.status).toBe(200);
    const week = res.body.data.responseTimes.last7Days;
    expect(week.fullTime).toMatchObject({ items: 3, medianMinutes: 20, p90Minutes: 30 });
    expect(week.partTime).toMatchObject({ items: 2, medianMinutes: 60, p90Minutes: 240 });
    expect(res.body.data.responseTimes.last30Days.all.items).toBeGreaterThanOrEqual(5);
    expect(res.body.data.open).toEqual(
      expect.objectContaining({
        reported: expect.any(Number),
        'auto-hidden': expect.any(Number),
        held: expect.any(Number),
      })
    );
    expect(res.body.data.oldestOpen).not.toBeNull();
  });

  // Formula injection in the register: tests/security/injection.test.ts.
  test('the complaints register is a CSV with one row per report, quoted where a cell needs it', async () => {
    at(WEEKDAY_10_LONDON);
    const id = await postAndGetId(app, author, articleId, 'Register me');
    const reporter = (await reportBy(app, id, 0))[0];
    expect(reporter).toBeUndefined();
    const evil = await createSubscriber(app, token);
    await app
      .http()
      .post(`/api/comments/${id}/reports`)
      .set(bearer(evil))
      .send({ data: { reason: 'other', note: 'Wrong figure, "quoted"' } });
    await adminCall(app, moderator).post(`/comments/moderation/comments/${id}/actions`, {
      action: 'hide',
      reason: 'ok',
      version: (await row(id)).version,
    });

    const res = await adminCall(app, moderator).get('/comments/moderation/register.csv?from=2026-01-01T00:00:00Z');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const lines = res.text.trim().split('\r\n');
    expect(lines[0]).toBe(
      'reported_at,report_id,comment_id,story_id,reason,note,decision,outcome,moderator,decided_at'
    );
    const total = await app.strapi.db
      .query('plugin::comments.report')
      .count({ where: { createdAt: { $gte: new Date('2026-01-01T00:00:00Z') } } });
    expect(lines).toHaveLength(total + 1);
    const line = lines.find((l) => l.includes(id) && l.includes('other')) as string;
    expect(line).toContain(`"Wrong figure, ""quoted"""`);
    expect(line).toContain(',hide,upheld,Test comments-moderator,');
    const none = await adminCall(app, moderator).get('/comments/moderation/register.csv?from=2030-01-01T00:00:00Z');
    expect(none.text.trim().split('\r\n')).toHaveLength(1);
  });

  test("an editor's story summary shows comments, open reports by reason, complaints and the figures that do not add up", async () => {
    const story = await app.strapi
      .documents('api::article.article')
      .findFirst({ filters: { slug: 'japan-foreign-minister-kyiv-north-korea' }, status: 'published' });
    at(WEEKDAY_10_LONDON);
    const id = await postAndGetId(app, author, story!.documentId, 'It was 85 drones, not 83');
    await reportBy(app, id, 1, 'factual-error');
    await reportBy(app, id, 2, 'off-topic');
    const res = await adminCall(app, editor).get(`/comments/editorial/articles/${story!.documentId}`);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ comments: { total: 1, visible: 1 }, openReports: { 'off-topic': 2 } });
    expect(res.body.data.factualErrorComplaints).toHaveLength(1);
    expect(res.body.data.inconsistentFigures).toEqual([
      expect.objectContaining({
        label: 'Shahed drones Russia attacked Ukraine with',
        value: 83,
        breakdownKind: 'complete',
        consistency: expect.objectContaining({ breakdownTotal: 85 }),
      }),
    ]);
    expectErrorEnvelope(await adminCall(app, editor).get('/comments/editorial/articles/nosuchstory1'), 404);
  });

  test("a figure's edit view panel: its display string and verdict from the figure's own route, for editorial.read", async () => {
    const figure = await app.strapi
      .documents('api::figure.figure')
      .findFirst({ filters: { label: 'Shahed drones Russia attacked Ukraine with' }, populate: ['breakdown'] });
    const res = await adminCall(app, editor).get(`/comments/editorial/figures/${figure!.documentId}`);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      documentId: figure!.documentId,
      display: '83',
      value: 83,
      breakdownKind: 'complete',
      consistency: { status: 'inconsistent', total: 83, breakdownTotal: 85, difference: 2 },
    });
    const fine = await app.strapi.documents('api::figure.figure').create({
      data: {
        label: 'Drones shot down',
        value: 100,
        qualifier: 'up-to',
        attribution: 'Ukrainian air force',
        breakdownKind: 'partial',
        breakdown: [{ label: 'Over Kyiv', value: 40 }],
      } as never,
    });
    expect((await adminCall(app, editor).get(`/comments/editorial/figures/${fine.documentId}`)).body.data).toMatchObject({
      display: 'up to 100',
      consistency: { status: 'consistent', breakdownTotal: 40 },
    });
    expectErrorEnvelope(await adminCall(app, editor).get('/comments/editorial/figures/nosuchfigure1'), 404);
    expectErrorEnvelope(await adminCall(app, moderator).get(`/comments/editorial/figures/${fine.documentId}`), 403);
  });
});

describe('settings', () => {
  test('moderators read the settings; only settings.update may change them, validated, stored as overrides', async () => {
    const superAdmin = await createAdmin(app, ['strapi-super-admin']);
    const read = await adminCall(app, moderator).get('/comments/moderation/settings');
    expect(read.status).toBe(200);
    expect(read.body.data.defaults.autoHide).toEqual({ fullTime: 5, partTime: 3, afterReviewFactor: 2 });
    expectErrorEnvelope(
      await adminCall(app, moderator).put('/comments/moderation/settings', { data: { autoHide: { fullTime: 6 } } }),
      403
    );

    const admin = adminCall(app, superAdmin);
    const bad = await admin.put('/comments/moderation/settings', {
      data: { autoHide: { fullTime: 0 }, schedule: { timezone: 'Mars/Olympus' } },
    });
    expectErrorEnvelope(bad, 400);
    expect(JSON.stringify(bad.body.error.details)).toMatch(/timezone/);
    expectErrorEnvelope(await admin.put('/comments/moderation/settings', { data: { colour: 'red' } }), 400);
    expectErrorEnvelope(
      await admin.put('/comments/moderation/settings', {
        data: { schedule: { fullTime: [{ days: [1], start: '18:00', end: '09:00' }] } },
      }),
      400
    );

    const current = (await admin.get('/comments/moderation/settings')).body.data.overrides;
    const saved = await admin.put('/comments/moderation/settings', {
      data: {
        ...current,
        autoHide: { fullTime: 7, partTime: 2 },
        words: { banned: ['verboten'], suspect: [], flagProfanity: true },
      },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.data.settings.autoHide).toEqual({ fullTime: 7, partTime: 2, afterReviewFactor: 2 });
    at(WEEKDAY_10_LONDON);
    expectErrorEnvelope(await postComment(app, author, articleId, 'That is verboten'), 400, 'BANNED_WORDS');
    await admin.put('/comments/moderation/settings', { data: current });
  });

  test('preset reasons: the house rules by default; a moderator with settings.update replaces them, at most 20, both texts given', async () => {
    const admin = adminCall(app, await createAdmin(app, ['strapi-super-admin']));
    const read = (await adminCall(app, moderator).get('/comments/moderation/settings')).body.data;
    expect(read.settings.presetReasons.map((preset: { label: string }) => preset.label)).toEqual([
      'Abusive or insulting',
      'Off-topic',
      'Spam or advertising',
      'Hate speech',
      'Personal information',
      'Potentially defamatory / legal risk',
      'Duplicate post',
    ]);
    const preset = { label: 'Trolling', publicReason: 'Your comment was posted to provoke.' };
    for (const presetReasons of [
      Array.from({ length: 21 }, () => preset),
      [{ label: 'Trolling' }],
      [{ ...preset, label: ' ' }],
      [{ ...preset, colour: 'red' }],
    ]) {
      expectErrorEnvelope(await admin.put('/comments/moderation/settings', { data: { presetReasons } }), 400);
    }
    const current = read.overrides;
    const saved = await admin.put('/comments/moderation/settings', { data: { ...current, presetReasons: [preset] } });
    expect(saved.status).toBe(200);
    expect(saved.body.data.settings.presetReasons).toEqual([preset]);
    expect(saved.body.data.defaults.presetReasons).toHaveLength(7);
    await admin.put('/comments/moderation/settings', { data: current });
  });

  test('notification emails: each kind’s default wording and placeholders to start from; an override of one part is stored, validated', async () => {
    const templates = await adminCall(app, moderator).get('/comments/moderation/settings/notification-templates');
    expect(templates.status).toBe(200);
    expect(templates.body.data.map((entry: { kind: string }) => entry.kind)).toEqual([
      'moderation-notice',
      'reply',
      'report-outcome',
      'complaint-outcome',
      'duty-alert',
      'duty-digest',
    ]);
    const outcome = templates.body.data.find((entry: { kind: string }) => entry.kind === 'report-outcome');
    expect(outcome).toMatchObject({
      defaults: { subject: 'Your report was {{outcome}}' },
      placeholders: ['outcome', 'comment', 'unsubscribeUrl'],
    });

    const admin = adminCall(app, await createAdmin(app, ['strapi-super-admin']));
    const current = (await admin.get('/comments/moderation/settings')).body.data.overrides;
    const withTemplate = (subject: string) => ({
      data: { ...current, notifications: { ...current.notifications, templates: { 'report-outcome': { subject } } } },
    });
    expectErrorEnvelope(await admin.put('/comments/moderation/settings', withTemplate('')), 400);
    expectErrorEnvelope(
      await adminCall(app, moderator).put('/comments/moderation/settings', withTemplate('Report {{outcome}}')),
      403
    );
    const saved = await admin.put('/comments/moderation/settings', withTemplate('Report {{outcome}}'));
    expect(saved.status).toBe(200);
    expect(saved.body.data.settings.notifications.templates).toEqual({ 'report-outcome': { subject: 'Report {{outcome}}' } });
    await admin.put('/comments/moderation/settings', { data: current });
  });
});
