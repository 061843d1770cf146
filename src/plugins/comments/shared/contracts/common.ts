import { z } from 'zod';

/*
 * Building blocks of the plugin's contract, shared by the server's validation, the admin half's
 * types and the generated OpenAPI description. Pure zod: no server or browser import.
 */

/** A Strapi 5 documentId as it appears in a path or a body. */
export const DocumentId = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be a documentId')
  .meta({ description: "A Strapi documentId (e.g. 'k9x2m4p7q1w8e5r3t6y0u2i4')" });

// Date, `T`, time with optional fraction, and a zone: `Z` or an offset. Nothing else is unambiguous.
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** An ISO 8601 date-time with a time zone, as a request gives it. `Date.parse` alone takes `"1"` as a year. */
export const IsoDateTimeInput = z
  .string()
  .regex(ISO_DATE_TIME, 'must be an ISO 8601 date-time with a time zone, e.g. 2026-12-03T09:00:00Z')
  .refine((value) => !Number.isNaN(Date.parse(value)), 'must be a real date')
  .meta({ format: 'date-time', example: '2026-12-03T09:00:00Z' });

/** A date-time as the API answers it (always UTC, ISO 8601). */
export const DateTime = z.string().meta({ format: 'date-time', example: '2026-12-03T09:00:00.000Z' });

/** A plain date (YYYY-MM-DD). */
export const DateOnly = z.string().meta({ format: 'date', example: '2024-11-16' });

/** A query-string number (query values arrive as strings) between 1 and `max`. */
export const positiveInt = (max: number) => z.coerce.number<string | number>().int().min(1).max(max);

/** Strapi's `meta.pagination` (page-based). `pageCount` and `total` are absent with `pagination[withCount]=false`. */
export const PaginationMeta = z
  .strictObject({
    page: z.number().int(),
    pageSize: z.number().int(),
    pageCount: z.number().int().optional(),
    total: z.number().int().optional(),
  })
  .meta({ id: 'PaginationMeta' });

export const paginated = <Item extends z.ZodType, Extra extends z.ZodRawShape = Record<never, never>>(
  item: Item,
  extraMeta?: Extra
) =>
  z.strictObject({
    data: z.array(item),
    meta: z.strictObject({ pagination: PaginationMeta, ...(extraMeta as Extra) }),
  });

export const single = <Data extends z.ZodType>(data: Data) => z.strictObject({ data });

/**
 * Strapi's REST pagination (`pagination[page]`, `pagination[pageSize]`, `pagination[withCount]`),
 * as Strapi's qs parser nests it.
 */
export const paginationQuery = (maxPageSize: number) =>
  z
    .strictObject({
      page: positiveInt(100000).optional(),
      pageSize: positiveInt(maxPageSize).optional(),
      withCount: z.enum(['true', 'false']).optional(),
    })
    .meta({
      description: `Strapi's page-based pagination; pageSize at most ${maxPageSize}`,
      param: { style: 'deepObject', explode: true },
    });

/** Parameters this API renamed to Strapi's conventions: refused with the new name, never silently aliased. */
export const RENAMED_QUERY_PARAMETERS: Record<string, string> = {
  page: 'pagination[page]',
  pageSize: 'pagination[pageSize]',
};

export const CREATED_AT_SORTS = ['createdAt:asc', 'createdAt:desc'] as const;
const RENAMED_SORTS: Record<string, string> = { oldest: 'createdAt:asc', newest: 'createdAt:desc' };
export const CreatedAtSort = z.enum(CREATED_AT_SORTS, {
  error: (issue) =>
    typeof issue.input === 'string' && RENAMED_SORTS[issue.input]
      ? `\`sort=${issue.input}\` is now \`sort=${RENAMED_SORTS[issue.input]}\` (Strapi's REST conventions)`
      : 'sort must be createdAt:asc or createdAt:desc',
});

/** Strapi's error envelope, as every 4xx and 5xx of the API answers. */
export const ErrorEnvelope = z
  .strictObject({
    data: z.null(),
    error: z.strictObject({
      status: z.number().int(),
      name: z.string(),
      message: z.string(),
      details: z
        .looseObject({
          code: z.string().optional().meta({
            description:
              'Machine-readable reason: a refusal code of the plugin (see RefusalCode), or one of the app-wide codes INVALID_QUERY, MALFORMED_BODY, BODY_TOO_DEEP, PAYLOAD_TOO_LARGE, METHOD_NOT_ALLOWED, HEADERS_TOO_LARGE, RATE_LIMITED, SERVICE_UNAVAILABLE.',
          }),
          errors: z
            .array(
              z.looseObject({
                path: z.array(z.union([z.string(), z.number()])),
                message: z.string(),
                name: z.string(),
              })
            )
            .optional()
            .meta({ description: 'On a 400: each invalid field, with its path and what is wrong.' }),
          field: z.string().optional().meta({ description: 'The field a refusal is about.' }),
          retryAfter: z
            .number()
            .int()
            .optional()
            .meta({ description: 'On 429 and 503: seconds to wait, as in the Retry-After header.' }),
          requestId: z
            .string()
            .optional()
            .meta({ description: 'On a 500: the request id, as in the X-Request-Id header and the error log line.' }),
        })
        .meta({ description: 'Present on every error; more keys where a refusal says more (e.g. currentVersion).' }),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;
