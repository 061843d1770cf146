import type { z } from 'zod';

/** Who may call a route, as the OpenAPI description's security requirement says it. */
export type Audience = 'public' | 'reader' | 'api-token' | 'admin';

export interface ResponseContract {
  description: string;
  /** The JSON body; none for a 304 or a download. */
  schema?: z.ZodType;
  /** A download instead of JSON (e.g. text/csv). */
  mediaType?: string;
  /** Response headers worth documenting (ETag, Retry-After, …). */
  headers?: Record<string, string>;
}

/**
 * Everything a route promises: its parameters and body (validated by its controller with the
 * same schemas), its answers, and the refusals it may give. The route table is the single source
 * for Strapi's router, the generated OpenAPI description and the tests' response validation.
 */
export interface RouteContract {
  summary: string;
  description?: string;
  audience: Audience;
  params?: z.ZodObject;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Success answers by status (the first one is the usual answer). */
  responses: Record<number, ResponseContract>;
  /** Error statuses, each answered in Strapi's error envelope. */
  errors: number[];
}

export interface ContractRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  handler: string;
  config: Record<string, unknown>;
  /** Read by Strapi's own OpenAPI generator (`strapi openapi generate`). */
  request?: { params?: z.ZodRawShape; query?: Record<string, z.ZodType>; body?: Record<string, z.ZodType> };
  response?: z.ZodType;
  contract: RouteContract;
}

const queryShape = (query: z.ZodType | undefined) => {
  const shape = (query as { shape?: Record<string, z.ZodType> } | undefined)?.shape;
  return shape ? { ...shape } : undefined;
};

/** A Strapi route object carrying its contract (and the `request`/`response` Strapi's generator reads). */
export const contractRoute = (
  method: ContractRoute['method'],
  path: string,
  handler: string,
  config: Record<string, unknown>,
  contract: RouteContract
): ContractRoute => {
  const success = Object.values(contract.responses)[0];
  return {
    method,
    path,
    handler,
    config,
    request: {
      ...(contract.params ? { params: contract.params.shape } : {}),
      ...(queryShape(contract.query) ? { query: queryShape(contract.query) } : {}),
      ...(contract.body ? { body: { 'application/json': contract.body } } : {}),
    },
    ...(success?.schema ? { response: success.schema } : {}),
    contract,
  };
};

export const json = (description: string, schema: z.ZodType, headers?: Record<string, string>): ResponseContract => ({
  description,
  schema,
  ...(headers ? { headers } : {}),
});
