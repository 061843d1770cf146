import { STATUS_CODES } from 'http';

export interface ErrorEnvelope {
  data: null;
  error: { status: number; name: string; message: string; details: Record<string, unknown> };
}

/** `NotFound` → `NotFoundError`: the name Strapi's own errors carry for a status. */
export const errorNameFor = (status: number): string =>
  `${(STATUS_CODES[status] ?? '').replace(/[^A-Za-z]/g, '').replace(/Error$/, '')}Error`;

/** Strapi's error envelope, for answers written outside Strapi's own error middleware. */
export const errorEnvelope = (
  status: number,
  message: string,
  details: Record<string, unknown> = {},
  name = errorNameFor(status)
): ErrorEnvelope => ({ data: null, error: { status, name, message, details } });
