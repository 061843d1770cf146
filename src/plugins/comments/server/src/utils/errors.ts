import createError from 'http-errors';
import { errors } from '@strapi/utils';
import type { RefusalCode } from '../constants';

/*
 * Strapi's content-API authorize step wraps the policies and the handler, and turns any plain
 * UnauthorizedError or ForbiddenError thrown below it into a bare 401/403 without details. A
 * refusal must keep its machine-readable `details.code`, so: 403s are PolicyErrors (which Strapi
 * rethrows as they are), and the 401 is an HTTP error, which the errors middleware formats into
 * the same envelope.
 */

/** 403 with `details.code`, in Strapi's envelope. */
export const refusal = (message: string, code: RefusalCode, details: Record<string, unknown> = {}) =>
  new errors.PolicyError(message, { code, ...details });

/** 401 with `details.code`, in Strapi's envelope. */
export const authenticationRequired = (message: string, code: RefusalCode) =>
  createError(401, message, { name: 'UnauthorizedError', details: { code } });
