'use strict';
/** The benchmark's table, its targets with the measured ratios, and docs/benchmarks.md. */
const os = require('os');

const MB = 1024 * 1024;

const fixed = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');

const tableOf = (rows) => {
  const header = [
    'scenario',
    'req/s',
    'p50 ms',
    'p99 ms',
    'errors',
    'non-2xx',
    'bytes/resp',
    'server CPU ms/req',
    'server RSS MB',
  ];
  const lines = rows.map((row) => [
    row.label,
    fixed(row.rps, 0),
    fixed(row.p50),
    fixed(row.p99),
    String(row.errors),
    String(row.non2xx) + (row.expectNon2xx ? ' (304s)' : ''),
    fixed(row.bytesPerResponse, 0),
    fixed(row.cpuMsPerRequest, 2),
    fixed(row.rss / MB, 0),
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i].length)));
  const pad = (cells) =>
    `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ')} |`;
  return [
    pad(header),
    `|${widths.map((width, i) => (i === 0 ? ':' : '') + '-'.repeat(width + 1) + (i === 0 ? '' : ':')).join('|')}|`,
    ...lines.map(pad),
  ].join('\n');
};

/**
 * Each target as { label, measured, limit, pass }: ratios in the same run, as the issue states them.
 * `results` is keyed by scenario id; `checks` are the row counts of the write scenarios.
 */
const targetsOf = (results, checks, peakRss) => {
  const r = results;
  const target = (label, measured, comparison, limit, unit = '') => ({
    label,
    text: `${fixed(measured, 2)}${unit} ${comparison} ${limit}${unit}`,
    pass: comparison === '>=' ? measured >= limit : measured <= limit,
  });
  const list = [
    target('thread page 1 / _health req/s', r.page1.rps / r.health.rps, '>=', 0.4),
    target('thread page 1 / core article list req/s', r.page1.rps / r.core.rps, '>=', 5),
    target('thread page 1 p99', r.page1.p99, '<=', 25, ' ms'),
    target('revalidation (304) / _health req/s', r.revalidate.rps / r.health.rps, '>=', 0.6),
    target('huge thread page 1 p50 / hot story page 1 p50', r.huge.p50 / r.page1.p50, '<=', 1.2),
    target('hot story page 100 p50 / page 1 p50', r.page100.p50 / r.page1.p50, '<=', 1.2),
    target('large set page 1 p50 / small set page 1 p50', r.largePage1.p50 / r.page1.p50, '<=', 1.2),
    target('POST comment / _health req/s', r.post.rps / r.health.rps, '>=', 0.12),
    target('POST comment failed requests', r.post.errors + r.post.non2xx, '<=', 0),
    target('POST comment rows - 2xx answers', Math.abs(checks.post.rows - checks.post.ok), '<=', 0),
    target('POST report / _health req/s', r.report.rps / r.health.rps, '>=', 0.12),
    target('POST report failed requests', r.report.errors + r.report.non2xx, '<=', 0),
    target('POST report rows - 2xx answers', Math.abs(checks.report.rows - checks.report.ok), '<=', 0),
    target('moderation queue p99, 1 connection', r.queue1.p99, '<=', 50, ' ms'),
    target('moderation queue req/s, 10 connections', r.queue10.rps, '>=', 100),
    target('server RSS through the run', peakRss / MB, '<=', 600, ' MB'),
  ];
  return list;
};

const machine = (versions) => {
  const cpus = os.cpus();
  return [
    `- machine: ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${fixed(os.totalmem() / 1024 ** 3, 0)} GiB, ${os.type()} ${os.release()}`,
    `- versions: Node ${process.version}, Strapi ${versions.strapi}, ${versions.postgres}, Redis ${versions.redis}, autocannon ${versions.autocannon}`,
  ].join('\n');
};

const markdown = ({ date, versions, settings, sets, table, targets, notes }) =>
  [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (scripts/bench.js): do not edit by hand. The production server',
    '(`NODE_ENV=production strapi start`, `LOG_LEVEL=warn`, Redis on, PostgreSQL) under autocannon from a',
    'second process. Ratios compare scenarios of the same run, so a slower machine moves both sides.',
    '',
    `- date: ${date}`,
    machine(versions),
    `- load: ${settings}`,
    ...sets.map(
      (set) =>
        `- data set ${set.name}: ${set.comments.toLocaleString('en')} comments, ${set.openReports.toLocaleString('en')} open reports, generated in ${fixed(set.seconds)} s`
    ),
    ...notes.map((note) => `- ${note}`),
    '',
    table,
    '',
    '## Targets',
    '',
    ...targets.map((t) => `- ${t.pass ? 'PASS' : 'MISS'} ${t.label}: ${t.text}`),
    '',
  ].join('\n');

module.exports = { tableOf, targetsOf, markdown };
