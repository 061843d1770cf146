'use strict';
/**
 * The benchmark's data sets, written with bulk SQL (generate_series) into the schema the
 * production server created: stories, a hot story, a huge thread, the rest of the comments spread
 * over the other stories, open reports, the community policy, subscribers and reporters.
 * Comments are written as an import would: no thread revision rows (revision 0).
 */
const bcrypt = require('bcryptjs');

const ARTICLE = 'api::article.article';
const PASSWORD = 'Bench-Password-1';
const TERMS_VERSION = 'bench-terms-1';

/** Sizes of each data set. `others` counts comments outside the hot and the huge story. */
const DATA_SETS = {
  smoke: { stories: 50, hotTop: 1000, replyEvery: 5, huge: 5000, others: 2000, reported: 500, reportsEach: 4 },
  small: { stories: 500, hotTop: 10000, replyEvery: 5, huge: 100000, others: 10000, reported: 0, reportsEach: 0 },
  large: { stories: 10000, hotTop: 10000, replyEvery: 5, huge: 0, others: 988000, reported: 25000, reportsEach: 4 },
};

const storyId = (n) => `story${String(n).padStart(6, '0')}`;
const HOT = storyId(1);
const HUGE = storyId(2);
const BODY =
  "A reader's considered view on the story, long enough to look like a real comment: it quotes a line, " +
  'disagrees with a figure, links https://example.com/source and ends with a question for the reporter?';

const blocks = (text) => JSON.stringify([{ type: 'paragraph', children: [{ type: 'text', text }] }]);

const insertStories = (db, count) =>
  db.query(
    `INSERT INTO articles (document_id, title, slug, standfirst, body, section, commenting, moderation_risk,
       published_at, created_at, updated_at)
     SELECT 'story' || lpad(i::text, 6, '0'), 'Story ' || i, 'story-' || i, 'What happened, in one line.', $2::jsonb,
       'World', 'open', 'normal', now(), now() - i * interval '1 minute', now()
     FROM generate_series(1, $1) AS i`,
    [count, blocks('The story itself.')]
  );

/** `count` comments on `thread`, top-level unless `parentOf` gives each one's parent document id expression. */
const insertComments = (db, { count, thread, prefix, parentOf = 'NULL' }) =>
  db.query(
    `INSERT INTO comments (document_id, body, thread_type, thread_id, parent_id, author_id, author_name, status,
       auto_hidden, flagged, report_count, trusted_report_count, reliability_score, severity, needs_review,
       amended_by_moderator, version, created_at, updated_at, published_at)
     SELECT $4 || i, $1 || ' #' || i, $2, ${thread}, ${parentOf}, 100000 + i % 997, 'Reader ' || (i % 997), 'visible',
       false, false, 0, 0, 0, 0, false, false, 1,
       now() - interval '30 days' + i * interval '1 second', now(), now()
     FROM generate_series(1, $3) AS i`,
    [BODY, ARTICLE, count, prefix]
  );

const insertThreads = async (db, size) => {
  await insertComments(db, { count: size.hotTop, thread: `'${HOT}'`, prefix: 'hot-c-' });
  await insertComments(db, {
    count: Math.floor(size.hotTop / size.replyEvery),
    thread: `'${HOT}'`,
    prefix: 'hot-r-',
    parentOf: `'hot-c-' || (i * ${size.replyEvery})`,
  });
  if (size.huge > 0) await insertComments(db, { count: size.huge, thread: `'${HUGE}'`, prefix: 'huge-c-' });
  // The rest, round-robin over the other stories.
  const others = size.stories - 2;
  await insertComments(db, {
    count: size.others,
    thread: `'story' || lpad((3 + i % ${others})::text, 6, '0')`,
    prefix: 'other-c-',
  });
};

/** `reported` comments outside the hot story with `reportsEach` open reports each, as the counters say. */
const insertReports = async (db, size) => {
  if (size.reported === 0) return;
  await db.query(
    `UPDATE comments SET report_count = $2, needs_review = true, severity = 1 + id % 4, reliability_score = (id % 7) * 0.5,
       auto_hidden = (id % 50 = 0), status = CASE WHEN id % 50 = 0 THEN 'hidden' ELSE 'visible' END,
       first_reported_at = now() - (id % 1440) * interval '1 minute', last_reported_at = now()
     WHERE id IN (SELECT id FROM comments WHERE document_id LIKE 'other-c-%' ORDER BY id LIMIT $1)`,
    [size.reported, size.reportsEach]
  );
  const reasons = ['abusive', 'harassment', 'hate', 'spam', 'off-topic', 'misinformation', 'illegal', 'other'];
  await db.query(
    `INSERT INTO comment_reports (document_id, target, comment_id, comment_document_id, thread_type, thread_id,
       reporter_id, reporter_name, reason, state, reporter_standing, trusted, reporter_reliability, created_at, updated_at, published_at)
     SELECT 'rep-' || c.id || '-' || r, 'comment', c.id, c.document_id, c.thread_type, c.thread_id,
       1000000 + r * 100000 + c.id % 100000, 'Reporter', ($1::text[])[1 + (c.id + r) % 8], 'open', 'established', true, 0.5,
       c.first_reported_at, now(), now()
     FROM comments c CROSS JOIN generate_series(1, $2) AS r WHERE c.needs_review`,
    [reasons, size.reportsEach]
  );
};

const insertPolicy = (db) =>
  db.query(
    `INSERT INTO community_policy (document_id, title, why_subscribers_only, liability_notice, moderation_statement,
       moderation_hours_text, rules, terms_version, last_updated, published_at, created_at, updated_at)
     VALUES ('bench-policy', 'Comments & Moderation', $1::jsonb, 'You are liable for what you post.',
       'We post-moderate in response to complaints.', 'Weekdays 9am-6pm.', $2::jsonb, $3, now(), now(), now(), now())`,
    [blocks('Commenting is open to subscribers only.'), blocks('Be civil.'), TERMS_VERSION]
  );

/** Confirmed readers (`prefix`-0 …) with commenter profiles; subscribers also get a subscription and the terms. */
const insertReaders = async (db, { prefix, count, subscribers, roleId, hash }) => {
  const { rows } = await db.query(
    `INSERT INTO up_users (document_id, username, email, provider, password, confirmed, blocked, created_at, updated_at, published_at)
     SELECT $1 || i, $1 || i, $1 || i || '@bench.local', 'local', $3, true, false, now(), now(), now()
     FROM generate_series(0, $2 - 1) AS i RETURNING id, email`,
    [prefix, count, hash]
  );
  await db.query(
    `INSERT INTO up_users_role_lnk (user_id, role_id, user_ord) SELECT id, $1, 1 FROM up_users WHERE username LIKE $2`,
    [roleId, `${prefix}%`]
  );
  await db.query(
    `INSERT INTO commenter_profiles (document_id, user_id, display_name, terms_version, terms_accepted_at, sanction, version,
       created_at, updated_at, published_at)
     SELECT 'profile-' || id, id, 'Bench ' || id, $1, now(), 'none', 1, now(), now(), now() FROM up_users WHERE username LIKE $2`,
    [subscribers ? TERMS_VERSION : null, `${prefix}%`]
  );
  if (subscribers) {
    await db.query(
      `INSERT INTO comment_subscriptions (document_id, email, status, synced_at, created_at, updated_at, published_at)
       SELECT 'sub-' || id, email, 'active', now(), now(), now(), now() FROM up_users WHERE username LIKE $1`,
      [`${prefix}%`]
    );
  }
  return rows.map((row) => row.email);
};

/** Limits out of the benchmark's way: it measures the work of a write, not the limiter's refusal. */
const raiseLimits = (db) =>
  db.query(
    `INSERT INTO strapi_core_store_settings (key, value, type) VALUES ('plugin_comments_settings', $1, 'object')`,
    [
      JSON.stringify({
        rateLimits: {
          post: { points: 100000000, durationSeconds: 60 },
          report: { points: 100000000, durationSeconds: 60 },
        },
      }),
    ]
  );

/** Writes data set `name` through `db` (a connected pg client); answers what the scenarios need. */
const generate = async (db, name) => {
  const size = DATA_SETS[name];
  const started = Date.now();
  await insertStories(db, size.stories);
  await insertThreads(db, size);
  await insertReports(db, size);
  await insertPolicy(db);
  await raiseLimits(db);
  const { rows } = await db.query(`SELECT id FROM up_roles WHERE type = 'authenticated'`);
  const hash = bcrypt.hashSync(PASSWORD, 10);
  const subscribers = await insertReaders(db, {
    prefix: 'bench-sub-',
    count: 10,
    subscribers: true,
    roleId: rows[0].id,
    hash,
  });
  const reporters = await insertReaders(db, {
    prefix: 'bench-rep-',
    count: 50,
    subscribers: false,
    roleId: rows[0].id,
    hash,
  });
  // As autovacuum leaves a table in production: statistics and the visibility map (index-only scans).
  await db.query('VACUUM ANALYZE');
  const { rows: counted } = await db.query(
    `SELECT (SELECT count(*) FROM comments) AS comments, (SELECT count(*) FROM comment_reports WHERE state = 'open') AS reports`
  );
  return {
    name,
    size,
    hot: HOT,
    huge: size.huge > 0 ? HUGE : null,
    hotComments: Array.from({ length: size.hotTop }, (_, i) => `hot-c-${i + 1}`),
    subscribers,
    reporters,
    password: PASSWORD,
    comments: Number(counted[0].comments),
    openReports: Number(counted[0].reports),
    seconds: (Date.now() - started) / 1000,
  };
};

module.exports = { DATA_SETS, generate };
