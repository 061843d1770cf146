import { errors } from '@strapi/utils';
import { BodyParseError, classifyFault } from './faults';

const pgError = (code: string, message = 'pg says no') => Object.assign(new Error(message), { code });

describe('classifyFault', () => {
  test.each([
    ['invalid text for an integer column', pgError('22P02')],
    ['numeric overflow', pgError('22003')],
    ['an invalid datetime', pgError('22007')],
    ['SQLite datatype mismatch', Object.assign(new Error('select … - datatype mismatch'), { code: 'SQLITE_MISMATCH' })],
    [
      'better-sqlite3 binding an object',
      new TypeError('SQLite3 can only bind numbers, strings, bigints, buffers, and null'),
    ],
    [
      'mixed relation filter keys',
      new Error('Operator and non-operator keys cannot be mixed in a relation where clause'),
    ],
  ])('%s is the client’s query fault', (_label, error) => {
    expect(classifyFault(error)).toMatchObject({ kind: 'client', status: 400, code: 'INVALID_QUERY' });
  });

  test('on a write the same errors are our own bug, not the client’s', () => {
    expect(classifyFault(pgError('22001'), { reading: false })).toEqual({ kind: 'internal' });
    expect(classifyFault(new Error('Undefined binding(s) detected'), { reading: false })).toEqual({ kind: 'internal' });
    expect(classifyFault(pgError('57014'), { reading: false }).kind).toBe('unavailable');
  });

  test('a client query message never echoes the SQL', () => {
    const fault = classifyFault(new Error('select `t0`.* from `articles` limit 1 - datatype mismatch'));
    expect(fault).toMatchObject({ kind: 'client' });
    expect(JSON.stringify(fault)).not.toContain('select');
  });

  test.each([
    ['statement timeout', pgError('57014')],
    ['lock timeout', pgError('55P03')],
    ['admin shutdown', pgError('57P01')],
    ['connection failure', pgError('08006')],
    ['too many connections', pgError('53300')],
    ['refused connection', pgError('ECONNREFUSED')],
    [
      'pool acquire timeout',
      Object.assign(new Error('Knex: Timeout acquiring a connection'), { name: 'KnexTimeoutError' }),
    ],
    ['lost connection', new Error('Connection terminated unexpectedly')],
    ['SQLite busy', pgError('SQLITE_BUSY')],
  ])('%s means the database is unavailable', (_label, error) => {
    expect(classifyFault(error).kind).toBe('unavailable');
  });

  test('body parser failures are the client’s: 400, or 413 when too large', () => {
    expect(classifyFault(new BodyParseError({ code: 'Z_DATA_ERROR' }))).toMatchObject({
      status: 400,
      code: 'MALFORMED_BODY',
    });
    expect(classifyFault(new BodyParseError({ status: 413 }))).toMatchObject({
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
    });
  });

  test('Strapi’s own errors are left to strapi::errors', () => {
    expect(classifyFault(new errors.ValidationError('value out of range'))).toEqual({ kind: 'strapi' });
    expect(classifyFault(new errors.NotFoundError())).toEqual({ kind: 'strapi' });
  });

  test('anything else is internal', () => {
    expect(classifyFault(new Error('Cannot read properties of undefined'))).toEqual({ kind: 'internal' });
    expect(classifyFault('a string')).toEqual({ kind: 'internal' });
    expect(classifyFault(null)).toEqual({ kind: 'internal' });
  });
});
