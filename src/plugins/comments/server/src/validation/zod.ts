import { errors } from '@strapi/utils';
import type { z } from 'zod';
import { RENAMED_QUERY_PARAMETERS } from '../../../shared/contracts/common';

type Issue = { path: PropertyKey[]; message: string; code: string; keys?: string[] };

/** One invalid field as Strapi's yup validation reports it, so both kinds of 400 read alike. */
const toDetail = (issue: Issue) => ({
  path: issue.path.map((key) => (typeof key === 'number' ? key : String(key))),
  message: issue.message,
  name: 'ValidationError',
});

/** `unrecognized_keys` names every key, each at its own path. */
const flatten = (issues: Issue[]): Issue[] =>
  issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys' && issue.keys
      ? issue.keys.map((key) => ({
          ...issue,
          path: [...issue.path, key],
          message:
            issue.path.length === 0 && RENAMED_QUERY_PARAMETERS[key]
              ? `\`${key}\` is now \`${RENAMED_QUERY_PARAMETERS[key]}\` (Strapi's REST conventions)`
              : `${[...issue.path, key].join('.')} is not a known field`,
        }))
      : [{ ...issue, message: issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message }]
  );

/**
 * Parses `value` with a contract schema, or throws Strapi's ValidationError (400, in its envelope)
 * with `details.errors[]` listing each invalid field.
 */
export const parseWith = <Schema extends z.ZodType>(schema: Schema, value: unknown): z.output<Schema> => {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = flatten(result.error.issues as Issue[]);
  const message = issues.length === 1 ? issues[0].message : `${issues.length} errors occurred: ${issues[0].message}`;
  throw new errors.ValidationError(message, { errors: issues.map(toDetail) });
};
