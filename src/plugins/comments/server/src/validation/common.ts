import { yup } from '@strapi/utils';

/** A Strapi 5 documentId as it may appear in a path or a body. */
export const documentId = yup
  .string()
  .trim()
  .min(1)
  .max(64)
  .matches(/^[A-Za-z0-9_-]+$/, 'must be a documentId');

/** A query-string number (query values arrive as strings) between 1 and `max`. */
export const positiveInt = (max: number) =>
  yup
    .string()
    .matches(/^\d{1,6}$/, 'must be a positive whole number')
    .test(
      'range',
      `must be between 1 and ${max}`,
      (value) => value === undefined || (Number(value) >= 1 && Number(value) <= max)
    );

// Date, `T`, time with optional fraction, and a zone: `Z` or an offset. Nothing else is unambiguous.
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * An ISO 8601 date-time with a time zone, e.g. `2026-12-03T09:00:00Z` (null and absent pass;
 * `.required()` where needed). `Date.parse` alone would take `"1"` as the year 2001 or 1970.
 */
export const isoDate = yup
  .string()
  .test(
    'iso-date',
    'must be an ISO 8601 date-time with a time zone, e.g. 2026-12-03T09:00:00Z',
    (value) => value == null || (ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)))
  );
