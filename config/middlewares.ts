import { corsOptions } from '../src/platform/cors';
import { rethrowAsBodyParseError } from '../src/platform/faults';

/*
 * Order matters. request-context first (request id, access log); strapi::errors formats Strapi's
 * own errors, and the error boundary just inside it turns everything else into 400/503/500 in the
 * same envelope. No strapi::poweredBy: the stack is nobody's business.
 */
export default ({ env }) => [
  'global::request-context',
  'strapi::errors',
  'global::error-boundary',
  'strapi::security',
  { name: 'strapi::cors', config: corsOptions(env) },
  'global::auth-rate-limit',
  'strapi::query',
  {
    name: 'strapi::body',
    // Comment bodies are at most a few kB; refuse anything larger before it is parsed.
    config: { jsonLimit: '256kb', formLimit: '256kb', textLimit: '256kb', onError: rethrowAsBodyParseError },
  },
  'global::input-guard',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
