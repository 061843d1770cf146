/**
 * Which failures are the client's, which mean the database (or another dependency) is not
 * answering, and which are our bugs. The error boundary answers the first with 400, the second
 * with 503 and Retry-After, and logs the third as a 500.
 */
import { errors } from '@strapi/utils';

export type FaultCode = 'INVALID_QUERY' | 'MALFORMED_BODY' | 'PAYLOAD_TOO_LARGE';

export type Fault =
  | { kind: 'client'; status: 400 | 413; code: FaultCode; message: string }
  | { kind: 'unavailable'; message: string }
  | { kind: 'internal' }
  /** Strapi's own errors, which `strapi::errors` already answers in its envelope. */
  | { kind: 'strapi' }
  /** Another library's client error (4xx, meant to be shown): answered with its status and message. */
  | { kind: 'http'; status: number; message: string };

type ErrorLike = { name?: unknown; code?: unknown; message?: unknown; status?: unknown };

/** PostgreSQL SQLSTATEs that mean "try again shortly": timeouts, shutdowns, too many connections, deadlocks. */
const PG_UNAVAILABLE = new Set([
  '57014',
  '55P03',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '53400',
  '40P01',
  '58000',
  '58030',
]);
const PG_CLIENT_QUERY = new Set(['42883', '42703', '42804']);
const SQLITE_UNAVAILABLE = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_IOERR', 'SQLITE_FULL', 'SQLITE_CANTOPEN']);
const NETWORK_UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
]);
const CONNECTION_LOST =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (starting up|shutting down)|terminating connection/i;

/** Errors of @strapi/database and better-sqlite3 that a bad filter value or shape produces. */
const CLIENT_QUERY_MESSAGES = [
  /Operator and non-operator keys cannot be mixed/,
  /Only one operator key is allowed in a relation where clause/,
  /Only \$and, \$or and \$not can only be used as root level operators/,
  /Undefined attribute level operator/,
  /^Operator \S+ must be an array/,
  /^Where must be an (array or an )?object/,
  /^You cannot (order|filter) on/,
  /^Invalid orderBy syntax/,
  /^Cannot join on non relational field/,
  /^Attribute \S* not found on model/,
  /^Expected a valid (Number|Date|Time|DateTime|Boolean|Integer|BigInteger|Decimal|Float)/i,
  /whereBetween/,
  /^Undefined binding/,
  /no such column/,
  // knex normalising a sort direction that is not a string (`sort=relation.field:sideways`).
  /^\(value \|\| ""\)\.toLowerCase is not a function/,
  /^Cannot order by status on model/,
  /^Invalid (date|datetime|time) format/i,
  /datatype mismatch/,
  /SQLite3 can only bind/,
  /Too (few|many) parameter values were provided/,
  /The supplied (value|SQL)/,
  /value out of range/i,
];
const CLIENT_QUERY_ERRORS = new Set([
  'InvalidDateError',
  'InvalidDateTimeError',
  'InvalidTimeError',
  'InvalidRelationError',
]);

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

const clientQuery = (message: string): Fault => ({
  kind: 'client',
  status: 400,
  code: 'INVALID_QUERY',
  message: `The query cannot be answered: ${message}`,
});

/**
 * Whatever the body parser throws: the body is the client's and it cannot be read (bad JSON, a false
 * Content-Encoding, an unknown charset, too large). koa-body wraps non-Error throwables such as
 * zlib's into an Error whose name is "object", so the parser's `onError` marks them instead.
 */
export class BodyParseError extends Error {
  readonly status: number;

  constructor(cause: unknown) {
    super('The request body cannot be read.');
    this.name = 'BodyParseError';
    const status = Number((cause as { status?: unknown })?.status);
    this.status = status === 413 ? 413 : 400;
  }
}

/** For `strapi::body`'s koa-body `onError`: rethrows the parser's error as a BodyParseError. */
export const rethrowAsBodyParseError = (cause: unknown): never => {
  throw new BodyParseError(cause);
};

const bodyFault = (error: unknown): Fault | null => {
  if (!(error instanceof BodyParseError)) return null;
  return error.status === 413
    ? { kind: 'client', status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large.' }
    : { kind: 'client', status: 400, code: 'MALFORMED_BODY', message: error.message };
};

/**
 * `reading`: whether the request only reads. Filters, sorts and pagination come in a read's query
 * string, so only there is a data or query-shape error the client's; on a write the same error
 * means our own code sent the database something wrong, a bug to log as a 500.
 */
export const classifyFault = (raw: unknown, { reading }: { reading: boolean } = { reading: true }): Fault => {
  if (typeof raw !== 'object' || raw === null) return { kind: 'internal' };
  const error = raw as ErrorLike;
  const code = text(error.code);
  const message = text(error.message);
  const name = text(error.name);

  const body = bodyFault(raw);
  if (body) return body;
  if (raw instanceof errors.ApplicationError || (raw instanceof errors.HttpError && Number(error.status) < 500)) {
    return { kind: 'strapi' };
  }
  // An http-errors error from another copy of the library (koa-send's "failed to decode" on `/%ff`).
  const status = Number(error.status);
  if ((raw as { expose?: unknown }).expose === true && status >= 400 && status < 500) {
    return { kind: 'http', status, message };
  }
  if (
    name === 'KnexTimeoutError' ||
    PG_UNAVAILABLE.has(code) ||
    code.startsWith('08') ||
    SQLITE_UNAVAILABLE.has(code)
  ) {
    return { kind: 'unavailable', message: 'The database is not answering in time.' };
  }
  if (NETWORK_UNAVAILABLE.has(code) || CONNECTION_LOST.test(message)) {
    return { kind: 'unavailable', message: 'The database cannot be reached.' };
  }
  if (!reading) return { kind: 'internal' };
  // PostgreSQL class 22 (data exception): a filter value that does not fit the column's type;
  // 42883/42703: an operator the column's type lacks (LIKE on a number), a column a filter made up.
  if (
    /^22[0-9A-Z]{3}$/.test(code) ||
    PG_CLIENT_QUERY.has(code) ||
    code === 'SQLITE_MISMATCH' ||
    code === 'SQLITE_RANGE'
  ) {
    return clientQuery('a value does not fit its field.');
  }
  if (CLIENT_QUERY_ERRORS.has(name) || CLIENT_QUERY_MESSAGES.some((pattern) => pattern.test(message))) {
    return clientQuery(message.split(' - ').pop() ?? message);
  }
  return { kind: 'internal' };
};
