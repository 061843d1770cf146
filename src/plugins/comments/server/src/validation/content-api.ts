import { yup, validateYupSchema } from '@strapi/utils';
import { REPORT_REASONS } from '../constants';

/** Every request body is `{ data: { … } }`; unknown keys are refused at both levels. */
const envelope = (data: yup.AnyObjectSchema) => yup.object({ data: data.required() }).noUnknown().required();

const documentId = yup
  .string()
  .trim()
  .min(1)
  .max(64)
  .matches(/^[A-Za-z0-9_-]+$/, 'must be a documentId');

export const validatePostComment = validateYupSchema(
  envelope(
    yup
      .object({
        body: yup.string().required(),
        parent: documentId.nullable(),
      })
      .noUnknown()
  )
);

export const validateEditComment = validateYupSchema(
  envelope(yup.object({ body: yup.string().required() }).noUnknown())
);

export const validateReport = validateYupSchema(
  envelope(
    yup
      .object({
        reason: yup
          .string()
          .oneOf([...REPORT_REASONS])
          .required(),
        note: yup.string().nullable(),
      })
      .noUnknown()
  )
);

export const validateDisplayName = validateYupSchema(
  envelope(yup.object({ displayName: yup.string().required() }).noUnknown())
);

export const validateAcceptTerms = validateYupSchema(
  envelope(yup.object({ version: yup.string().trim().min(1).max(40).required() }).noUnknown())
);

export const validateSubscriptionSync = validateYupSchema(
  envelope(
    yup
      .object({
        email: yup.string().trim().email().max(254).required(),
        status: yup.string().oneOf(['active', 'cancelled', 'expired']).required(),
        expiresAt: yup
          .string()
          .nullable()
          .test(
            'iso-date',
            'expiresAt must be an ISO 8601 date-time',
            (value) => value == null || !Number.isNaN(Date.parse(value))
          ),
      })
      .noUnknown()
  )
);

const positiveInt = (max: number) =>
  yup
    .string()
    .matches(/^\d{1,6}$/, 'must be a positive whole number')
    .test(
      'range',
      `must be between 1 and ${max}`,
      (value) => value === undefined || (Number(value) >= 1 && Number(value) <= max)
    );

/** Query strings arrive as strings; unknown parameters are refused so typos do not pass silently. */
export const validateThreadQuery = (maxPageSize: number) =>
  validateYupSchema(
    yup
      .object({
        page: positiveInt(100000),
        pageSize: positiveInt(maxPageSize),
        sort: yup.string().oneOf(['oldest', 'newest']),
      })
      .noUnknown()
  );

export const validatePageQuery = (maxPageSize: number) =>
  validateYupSchema(yup.object({ page: positiveInt(100000), pageSize: positiveInt(maxPageSize) }).noUnknown());

export const validateDocumentId = validateYupSchema(documentId.required());
