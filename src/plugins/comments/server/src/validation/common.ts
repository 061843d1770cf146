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

/** An ISO 8601 date or date-time string (null and absent pass; `.required()` where needed). */
export const isoDate = yup
  .string()
  .test(
    'iso-date',
    'must be an ISO 8601 date or date-time',
    (value) => value == null || !Number.isNaN(Date.parse(value))
  );
