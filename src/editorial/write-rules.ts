import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { FIGURE_UID } from './figure-fields';

const QUOTE_UID = 'api::quote.quote';

/** Whether a relation input (documentId, id, `{ connect }`, `{ set }`, array) names at least one document. */
const namesDocument = (value: unknown): boolean => {
  if (value === null || value === undefined || value === '') return false;
  if (typeof value === 'string' || typeof value === 'number') return true;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') {
    const input = value as { connect?: unknown[]; set?: unknown[]; documentId?: string; id?: number };
    if (input.set !== undefined) return Array.isArray(input.set) && input.set.length > 0;
    if (input.connect !== undefined) return Array.isArray(input.connect) && input.connect.length > 0;
    return Boolean(input.documentId ?? input.id);
  }
  return false;
};

const existingDraft = (strapi: Core.Strapi, uid: string, documentId: string | undefined, populate: string[]) =>
  documentId
    ? strapi.documents(uid as never).findOne({ documentId, status: 'draft', populate } as never)
    : Promise.resolve(null);

/** A quote is said by a person or by a named body ("Japanese officials"), exactly one of the two. */
const checkQuoteSpeaker = async (
  strapi: Core.Strapi,
  action: string,
  params: { data?: Record<string, unknown>; documentId?: string }
) => {
  const data = params.data ?? {};
  if (action === 'update' && !('speaker' in data) && !('speakerBody' in data)) return;
  const existing =
    action === 'update'
      ? ((await existingDraft(strapi, QUOTE_UID, params.documentId, ['speaker'])) as Record<string, unknown> | null)
      : null;
  const hasPerson = 'speaker' in data ? namesDocument(data.speaker) : Boolean(existing?.speaker);
  const body = 'speakerBody' in data ? data.speakerBody : existing?.speakerBody;
  const hasBody = typeof body === 'string' && body.trim() !== '';
  if (hasPerson === hasBody) {
    throw new errors.ValidationError(
      hasPerson
        ? 'A quote has one speaker: choose a person or name a body such as "Japanese officials", not both.'
        : 'Who said it? Choose a person as speaker, or name a body such as "Japanese officials".',
      {
        errors: [
          {
            path: ['speaker'],
            message: 'Exactly one of speaker and speakerBody is required.',
            name: 'ValidationError',
          },
        ],
      }
    );
  }
};

/** A breakdown says whether it is complete (must add up) or partial ("including"). */
const checkFigureBreakdown = async (
  strapi: Core.Strapi,
  action: string,
  params: { data?: Record<string, unknown>; documentId?: string }
) => {
  const data = params.data ?? {};
  if (action === 'update' && !('breakdown' in data) && !('breakdownKind' in data)) return;
  const existing =
    action === 'update'
      ? ((await existingDraft(strapi, FIGURE_UID, params.documentId, ['breakdown'])) as Record<string, unknown> | null)
      : null;
  const breakdown = ('breakdown' in data ? data.breakdown : existing?.breakdown) as unknown[] | null | undefined;
  const kind = 'breakdownKind' in data ? data.breakdownKind : existing?.breakdownKind;
  if (Array.isArray(breakdown) && breakdown.length > 0 && !kind) {
    throw new errors.ValidationError(
      'Say whether the breakdown is complete (the parts must add up) or partial ("including").',
      {
        errors: [
          {
            path: ['breakdownKind'],
            message: 'breakdownKind is required when there is a breakdown.',
            name: 'ValidationError',
          },
        ],
      }
    );
  }
};

export const registerWriteRules = (strapi: Core.Strapi): void => {
  strapi.documents.use(async (context, next) => {
    if (context.action === 'create' || context.action === 'update') {
      const params = context.params as { data?: Record<string, unknown>; documentId?: string };
      if (context.uid === QUOTE_UID) await checkQuoteSpeaker(strapi, context.action, params);
      if (context.uid === FIGURE_UID) await checkFigureBreakdown(strapi, context.action, params);
    }
    return next();
  });
};
