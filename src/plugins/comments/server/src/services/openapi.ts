import type { Core } from '@strapi/strapi';
import { contractDocument } from '../openapi/document';
import { corePaths } from '../openapi/core-paths';
import { z } from 'zod';
import { FigureDisplay } from '../../../shared/contracts/content-api';

const withoutSchemaKey = ({ $schema: _dialect, ...schema }: Record<string, unknown>) => schema;

type Json = Record<string, any>;

/**
 * The OpenAPI 3.1 description served at /api/comments/openapi.json and checked in at
 * docs/openapi.json: the plugin's routes from the shared contract, plus the core routes of the
 * reader journey from Strapi's own generator. Derived from code only, so built once per process.
 */
const openapi = ({ strapi }: { strapi: Core.Strapi }) => {
  let built: Json | null = null;

  const build = (): Json => {
    const document = contractDocument() as Json;
    const errorResponse = (status: number) => ({
      description: `Error ${status}, in Strapi's envelope`,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    });
    const core = corePaths(strapi, errorResponse, {
      display: withoutSchemaKey(z.toJSONSchema(FigureDisplay, { target: 'draft-2020-12' })),
      consistency: { $ref: '#/components/schemas/FigureConsistency' },
    });
    return {
      ...document,
      paths: { ...core.paths, ...document.paths },
      // FigureConsistency is among the contract's components (the editorial summary uses it).
      components: { ...document.components, schemas: { ...core.schemas, ...document.components?.schemas } },
    };
  };

  return {
    document(): Json {
      built ??= build();
      return built;
    },
  };
};

export type OpenapiService = ReturnType<typeof openapi>;
export default openapi;
