import type { Core } from '@strapi/strapi';

type Transactor = { commit: (...args: unknown[]) => Promise<unknown>; executionPromise: Promise<unknown> };
type TransactionParams = { trx: Transactor };
type Transaction = (cb?: (params: TransactionParams) => Promise<unknown>) => Promise<unknown>;

/**
 * knex resolves `trx.commit()` even when the COMMIT itself fails (the server went away between
 * the last INSERT and the COMMIT); only the transaction's `executionPromise` rejects. Strapi's
 * `db.transaction` awaits the former, so it would report success, run its onCommit callbacks and
 * let a controller answer 201 for a write that was never stored. Making `commit` await the
 * outcome turns that into an error (a 503 at the boundary) before any onCommit callback runs.
 */
const failOnFailedCommit = (trx: Transactor): void => {
  const commit = trx.commit.bind(trx);
  trx.commit = async (...args: unknown[]) => {
    const result = await commit(...args);
    await trx.executionPromise;
    return result;
  };
};

export const surfaceFailedCommits = (strapi: Core.Strapi): void => {
  const db = strapi.db as unknown as { transaction: Transaction; inTransaction(): boolean };
  const transaction = db.transaction.bind(db);
  db.transaction = async (cb) => {
    // A nested call joins the outer transaction, whose own commit is already covered.
    if (db.inTransaction()) return transaction(cb);
    if (!cb) {
      const handle = (await transaction()) as { get(): Transactor };
      failOnFailedCommit(handle.get());
      return handle;
    }
    return transaction((params) => {
      failOnFailedCommit(params.trx);
      return cb(params);
    });
  };
};

/**
 * users-permissions' authentication swallows every error into a 401; a database fault seen
 * while serving a request is remembered on it, so the error boundary can answer 503 instead.
 */
export const rememberDatabaseFaults = (strapi: Core.Strapi, isUnavailable: (error: unknown) => boolean): void => {
  strapi.db.connection.on('query-error', (error: unknown) => {
    const ctx = strapi.requestContext.get();
    if (ctx && isUnavailable(error)) ctx.state.databaseUnavailable = true;
  });
};
