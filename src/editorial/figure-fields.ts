import type { Core } from '@strapi/strapi';
import { walkDocuments } from './document-walk';
import { checkConsistency, displayFigure, type FigureFields } from './figures';

export const FIGURE_UID = 'api::figure.figure';
const READ_ACTIONS = new Set(['findOne', 'findFirst', 'findMany', 'create', 'update']);

/**
 * Adds `display` and `consistency` to every figure in a Document Service result, wherever it
 * appears (its own endpoint, or populated inside an article or a quote). A figure whose breakdown
 * was not populated gets it loaded, all such figures in one query.
 */
export const registerFigureFields = (strapi: Core.Strapi): void => {
  strapi.documents.use(async (context, next) => {
    const result = await next();
    if (!READ_ACTIONS.has(context.action)) return result;

    const figures: Array<Record<string, unknown>> = [];
    walkDocuments(strapi, context.uid, result, (uid, entry) => {
      if (uid === FIGURE_UID && entry.value !== undefined) figures.push(entry);
    });
    if (figures.length === 0) return result;

    const missing = figures
      .filter((figure) => figure.breakdown === undefined && typeof figure.id === 'number')
      .map((figure) => figure.id as number);
    const breakdowns = new Map<number, unknown>();
    if (missing.length > 0) {
      const rows = await strapi.db
        .query(FIGURE_UID)
        .findMany({ where: { id: { $in: missing } }, select: ['id'], populate: { breakdown: true } });
      for (const row of rows) breakdowns.set(row.id, row.breakdown);
    }
    for (const figure of figures) {
      const fields = {
        ...figure,
        breakdown: figure.breakdown ?? breakdowns.get(figure.id as number) ?? [],
      } as unknown as FigureFields;
      figure.display = displayFigure(fields);
      figure.consistency = checkConsistency(fields);
    }
    return result;
  });
};
