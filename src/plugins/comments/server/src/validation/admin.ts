import { yup, validateYupSchema } from '@strapi/utils';
import { REPORT_REASONS } from '../constants';
import { documentId, isoDate, positiveInt } from './common';
import { QUEUES } from '../services/queue';
import { ACTOR_TYPES } from '../services/audit';
import { settingsShape } from './config';
import { APPEAL_OUTCOMES, APPEAL_STATES } from '../rules/appeals';
import { COMPLAINT_OUTCOMES, CORRECTION_NOTE_MAX_LENGTH } from '../services/editorial';

const reason = yup.string().trim().min(1, 'Give a reason').max(1000).required();

export const validateQueueQuery = validateYupSchema(
  yup
    .object({
      queue: yup.string().oneOf([...QUEUES]),
      reason: yup.string().oneOf([...REPORT_REASONS]),
      article: documentId,
      from: isoDate,
      to: isoDate,
      sort: yup.string().oneOf(['priority', 'oldest', 'newest']),
      page: positiveInt(100000),
      pageSize: positiveInt(100),
    })
    .noUnknown()
);

export const validateAction = validateYupSchema(
  yup
    .object({
      action: yup.string().oneOf(['approve', 'hide', 'restore', 'amend', 'remove', 'release']).required(),
      reason,
      version: yup.number().integer().min(1).required(),
      body: yup.string().when('action', {
        is: 'amend',
        then: (schema) => schema.required('amend needs the new body'),
        otherwise: (schema) => schema.strip(),
      }),
      publicReason: yup.string().trim().max(500).nullable(),
    })
    .noUnknown()
    .required()
);

export const validateBulk = validateYupSchema(
  yup
    .object({
      action: yup.string().oneOf(['approve', 'hide']).required(),
      reason,
      items: yup
        .array()
        .of(
          yup
            .object({ documentId: documentId.required(), version: yup.number().integer().min(1).required() })
            .noUnknown()
            .required()
        )
        .min(1)
        .max(100, 'at most 100 comments at once')
        .required(),
    })
    .noUnknown()
    .required()
);

export const validateSanction = validateYupSchema(
  yup
    .object({
      action: yup.string().oneOf(['suspend', 'ban', 'reinstate']).required(),
      reason,
      until: isoDate
        .nullable()
        .when('action', { is: 'suspend', then: (schema) => schema.required('a suspension needs `until`') }),
      hideComments: yup.boolean(),
    })
    .noUnknown()
    .required()
);

export const validateAppealsQuery = validateYupSchema(
  yup
    .object({ state: yup.string().oneOf([...APPEAL_STATES]), page: positiveInt(100000), pageSize: positiveInt(100) })
    .noUnknown()
);

export const validateAppealResolution = validateYupSchema(
  yup
    .object({
      outcome: yup
        .string()
        .oneOf([...APPEAL_OUTCOMES])
        .required(),
      reason,
    })
    .noUnknown()
    .required()
);

export const validateRange = validateYupSchema(yup.object({ from: isoDate, to: isoDate }).noUnknown());

export const validateComplaintsQuery = validateYupSchema(
  yup.object({ article: documentId, page: positiveInt(100000), pageSize: positiveInt(100) }).noUnknown()
);

export const validateComplaintResolution = validateYupSchema(
  yup
    .object({
      outcome: yup
        .string()
        .oneOf([...COMPLAINT_OUTCOMES])
        .required(),
      // Shown to the reporter: what the story now says. Only an upheld complaint corrected anything.
      correctionNote: yup
        .string()
        .max(CORRECTION_NOTE_MAX_LENGTH)
        .nullable()
        .when('outcome', {
          is: 'not-upheld',
          then: (schema) =>
            schema.test('upheld-only', 'only an upheld complaint has a correction note', (value) => value == null),
        }),
      reason,
    })
    .noUnknown()
    .required()
);

export const validateSettings = validateYupSchema(
  yup
    .object({ data: yup.object(settingsShape).noUnknown().required() })
    .noUnknown()
    .required()
);

export const validateDocumentIdParam = validateYupSchema(documentId.required());

const auditFilters = {
  actor: yup
    .string()
    .test(
      'actor',
      `must be an admin id or one of ${ACTOR_TYPES.join(', ')}`,
      (value) =>
        value === undefined || /^[1-9]\d{0,8}$/.test(value) || (ACTOR_TYPES as readonly string[]).includes(value)
    ),
  action: yup.string().matches(/^[a-z][a-z0-9-]{0,63}$/, 'must be an audit action such as hide or settings-changed'),
  comment: documentId,
  user: documentId,
  from: isoDate,
  to: isoDate,
};

const fromNotAfterTo = (value: { from?: string; to?: string } | undefined) =>
  !value?.from || !value.to || Date.parse(value.from) <= Date.parse(value.to);

export const validateAuditQuery = validateYupSchema(
  yup
    .object({ ...auditFilters, page: positiveInt(100000), pageSize: positiveInt(100) })
    .noUnknown()
    .test('range', '`from` must not be after `to`', fromNotAfterTo)
);

export const validateAuditExportQuery = validateYupSchema(
  yup.object(auditFilters).noUnknown().test('range', '`from` must not be after `to`', fromNotAfterTo)
);
