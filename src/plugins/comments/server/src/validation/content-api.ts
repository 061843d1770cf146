import { yup, validateYupSchema } from '@strapi/utils';
import { REPORT_REASONS } from '../constants';
import { documentId, isoDate, positiveInt } from './common';

/** Every request body is `{ data: { … } }`; unknown keys are refused at both levels. */
const envelope = (data: yup.AnyObjectSchema) => yup.object({ data: data.required() }).noUnknown().required();

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

/** An appeal names the decision by its audit event's documentId, as `GET /me` lists them. */
export const validateAppeal = validateYupSchema(
  envelope(yup.object({ decision: documentId.required(), statement: yup.string().required() }).noUnknown())
);

/** A factual-error complaint about a story: the reason is implied, the note says what is wrong. */
export const validateStoryComplaint = validateYupSchema(
  envelope(yup.object({ note: yup.string().required() }).noUnknown())
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
        expiresAt: isoDate.nullable(),
      })
      .noUnknown()
  )
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
