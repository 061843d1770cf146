import { createDocument, type ZodOpenApiPathsObject } from 'zod-openapi';
import { ErrorEnvelope } from '../../../shared/contracts/common';
import * as auth from '../../../shared/contracts/core-auth';
import contentApi from '../routes/content-api';
import admin from '../routes/admin';
import type { ContractRoute } from '../routes/contract';
import { pluginPaths, type RouterType } from './plugin-paths';
import { EVENT_TYPES, eventEnvelope } from '../../../shared/contracts/events';

const error = (description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorEnvelope } },
});

/** The refresh flow and logout: users-permissions declares no schemas for them. */
const authPaths: ZodOpenApiPathsObject = {
  '/api/auth/refresh': {
    post: {
      operationId: 'refreshAccessToken',
      summary: 'Trade the refresh token for a new access token',
      description:
        'Access tokens live 10 minutes (users-permissions in `jwtManagement: refresh`); the refresh token rotates on each use.',
      tags: ['Accounts'],
      security: [],
      requestBody: { required: true, content: { 'application/json': { schema: auth.RefreshBody } } },
      responses: {
        200: { description: 'A new access token', content: { 'application/json': { schema: auth.RefreshResponse } } },
        400: error('No refresh token'),
        401: error('The refresh token is invalid, expired or revoked'),
      },
    },
  },
  '/api/auth/logout': {
    post: {
      operationId: 'logout',
      summary: 'Revoke the reader’s sessions (refresh tokens)',
      tags: ['Accounts'],
      security: [{ readerJwt: [] }],
      requestBody: { content: { 'application/json': { schema: auth.LogoutBody } } },
      responses: {
        200: { description: 'Logged out', content: { 'application/json': { schema: auth.LogoutResponse } } },
        401: error('Not logged in'),
      },
    },
  },
  '/api/auth/email-confirmation': {
    get: {
      operationId: 'confirmEmail',
      summary: 'Confirm the email address (the link in the confirmation email)',
      tags: ['Accounts'],
      security: [],
      requestParams: { query: auth.EmailConfirmationQuery },
      responses: {
        302: { description: 'Confirmed: redirects to the configured confirmation page' },
        400: error('Invalid or already used confirmation token'),
        403: error('Refused: an API token without this permission'),
      },
    },
  },
};

/**
 * The events webhooks receive (OpenAPI 3.1 `webhooks`): one POST per event type, signed per
 * Standard Webhooks; see docs/events.md.
 */
const webhookEvents = (): ZodOpenApiPathsObject =>
  Object.fromEntries(
    EVENT_TYPES.map((type) => [
      type,
      {
        post: {
          operationId: `event${type
            .split(/[.-]/)
            .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
            .join('')}`,
          summary: `The ${type} event`,
          tags: ['Events (webhooks)'],
          // The receiver authenticates the sender by the signature headers, not by a scheme of ours.
          security: [],
          parameters: [
            {
              in: 'header' as const,
              name: 'webhook-id',
              required: true,
              schema: { type: 'string' as const },
              description: 'The event id: the same on every retry',
            },
            {
              in: 'header' as const,
              name: 'webhook-timestamp',
              required: true,
              schema: { type: 'string' as const },
              description: 'Unix seconds when this attempt was signed',
            },
            {
              in: 'header' as const,
              name: 'webhook-signature',
              required: true,
              schema: { type: 'string' as const },
              description: '`v1,<base64 HMAC-SHA256>` of `id.timestamp.body` with the endpoint secret',
            },
          ],
          requestBody: { required: true, content: { 'application/json': { schema: eventEnvelope(type) } } },
          responses: {
            200: {
              description:
                'Any 2xx acknowledges the event; anything else (or no answer in 5 s) is retried with backoff for 24 h',
            },
          },
        },
      },
    ])
  );

export const DOCUMENT_INFO = {
  title: 'Newsroom comments API',
  version: '1.0.0',
  description:
    'Comment threads, reports, appeals and the moderation desk of the newsroom backend, with the core Strapi routes a frontend needs for the reader journey. Generated from the shared contract (src/plugins/comments/shared/contracts); do not edit by hand.',
  license: { name: 'UNLICENSED', identifier: 'LicenseRef-Proprietary' },
};

/** The plugin's part of the description (and the auth routes), from the shared contract through zod-openapi. */
export const contractDocument = () =>
  createDocument(
    {
      openapi: '3.1.0',
      info: DOCUMENT_INFO,
      servers: [{ url: '/', description: 'This Strapi server' }],
      tags: [
        { name: 'Comments', description: 'Readers’ comment threads, reports and account (content API)' },
        { name: 'Moderation (admin)', description: 'The moderation and editorial desk (admin API, admin JWT)' },
        { name: 'Stories', description: 'Strapi’s content API for stories' },
        { name: 'Accounts', description: 'Sign-up, login and tokens (users-permissions)' },
        { name: 'Events (webhooks)', description: 'What a subscribed endpoint receives (docs/events.md)' },
      ],
      webhooks: webhookEvents(),
      paths: {
        ...pluginPaths([
          { type: 'content-api' as RouterType, routes: contentApi.routes as ContractRoute[] },
          { type: 'admin' as RouterType, routes: admin.routes as ContractRoute[] },
        ]),
        ...authPaths,
      },
      components: {
        securitySchemes: {
          readerJwt: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'From POST /api/auth/local' },
          apiToken: { type: 'http', scheme: 'bearer', description: 'A Strapi API token (server to server)' },
          adminJwt: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'An admin session token' },
        },
      },
    },
    { reused: 'inline' }
  );
