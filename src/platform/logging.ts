import { winston } from '@strapi/logger';

// Also as URL-encoded in a logged query string (`%40`).
const EMAIL = /[A-Za-z0-9._%+-]+(?:@|%40)[A-Za-z0-9.-]+\.[A-Za-z]{2,}/gi;
const JWT = /\beyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]{8,}/g;

/** Log lines never carry an email address or a bearer token, wherever they come from (URLs, messages, errors). */
export const redactText = (text: string): string => text.replace(EMAIL, '[email]').replace(JWT, '[token]');

const redactValue = (value: unknown, depth = 0): unknown => {
  if (typeof value === 'string') return redactText(value);
  if (depth > 4 || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactValue(item, depth + 1)]));
};

// winston keeps level and message under Symbol keys as well; only the enumerable fields are rewritten.
const redactPersonalData = winston.format((info) => {
  for (const key of Object.keys(info)) (info as Record<string, unknown>)[key] = redactValue(info[key]);
  if (info.message instanceof Error) info.message = redactText(info.message.stack ?? info.message.message);
  return info;
});

/** One readable line for development: time, level, message, then the fields and the stack. */
const prettyLine = winston.format.printf(({ level, message, timestamp, ...fields }) => {
  const { error, ...rest } = fields as { error?: { stack?: string } } & Record<string, unknown>;
  const extra = Object.entries(rest)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' ');
  return `[${timestamp}] ${level}: ${String(message)}${extra ? ` ${extra}` : ''}${error?.stack ? `\n${error.stack}` : ''}`;
});

/**
 * Every level at or above LOG_LEVEL (default `http`), JSON lines in production (LOG_FORMAT=json|pretty
 * overrides), personal data redacted. Strapi's `levelFilter` keeps one level only, so it is not used.
 */
export const loggerConfig = (env: NodeJS.ProcessEnv = process.env) => {
  const level = env.LOG_LEVEL || 'http';
  const format = env.LOG_FORMAT || (env.NODE_ENV === 'production' ? 'json' : 'pretty');
  const { combine, timestamp, json, colorize } = winston.format;
  return {
    level,
    // Replaces Strapi's default top-level format (pretty and coloured), which would run first.
    format: redactPersonalData(),
    transports: [
      new winston.transports.Console({
        level,
        format:
          format === 'json'
            ? combine(timestamp(), json())
            : combine(timestamp({ format: 'YYYY-MM-DD HH:mm:ss.SSS' }), colorize(), prettyLine),
      }),
    ],
  };
};
