import fs from 'fs';
import path from 'path';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import request from 'supertest';

/*
 * Every answer a test receives from a documented route is checked against docs/openapi.json: the
 * route, the method and the status must be documented, and a JSON body must match the schema
 * documented for that status. Violations fail the test that caused them (tests/setup/contract.ts).
 */

type Json = Record<string, any>;

export const DOCUMENT_PATH = path.resolve(__dirname, '..', '..', 'docs', 'openapi.json');
const document: Json = JSON.parse(fs.readFileSync(DOCUMENT_PATH, 'utf8'));

const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
addFormats(ajv);
ajv.addSchema(document, 'openapi');

const escapePointer = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/** Templates with fewer parameters first, so `/me` wins over `/{commentId}`. */
const templates = Object.keys(document.paths as Json)
  .map((template) => ({
    template,
    params: (template.match(/\{/g) ?? []).length,
    pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+')}$`),
  }))
  .sort((a, b) => a.params - b.params);

const validators = new Map<string, ValidateFunction>();
const validatorFor = (pointer: string) => {
  let validate = validators.get(pointer);
  if (!validate) {
    validate = ajv.compile({ $ref: `openapi#${pointer}` });
    validators.set(pointer, validate);
  }
  return validate;
};

export interface ContractViolation {
  request: string;
  problem: string;
}

const violations: ContractViolation[] = [];

/** What went wrong since the last call, and forget it. */
export const takeViolations = (): ContractViolation[] => violations.splice(0, violations.length);

/** Checks one answer; routes the description does not cover (admin login, /_health, …) are not checked. */
export const checkResponse = (method: string, url: string, status: number, contentType: string, body: unknown) => {
  const lowerMethod = method.toLowerCase();
  if (lowerMethod === 'options' || lowerMethod === 'head') return;
  const pathname = new URL(url, 'http://localhost').pathname;
  const candidates = templates.filter((entry) => entry.pattern.test(pathname));
  if (candidates.length === 0) return;
  const request = `${method.toUpperCase()} ${pathname} → ${status}`;
  const match = candidates.find((entry) => document.paths[entry.template][lowerMethod]);
  // A method the route does not have: Strapi answers 404/405 without the route running.
  if (!match) return;
  const responses = document.paths[match.template][lowerMethod].responses as Json;
  const key = String(status) in responses ? String(status) : 'default' in responses ? 'default' : null;
  if (!key) {
    violations.push({ request, problem: `status ${status} is not documented for ${lowerMethod} ${match.template}` });
    return;
  }
  const schema = responses[key].content?.['application/json']?.schema;
  if (!schema || !contentType.includes('application/json')) return;
  const pointer = `/paths/${escapePointer(match.template)}/${lowerMethod}/responses/${key}/content/application~1json/schema`;
  const validate = validatorFor(pointer);
  if (!validate(body)) {
    violations.push({
      request,
      problem: `${ajv.errorsText(validate.errors, { separator: '; ' })} — body: ${JSON.stringify(body).slice(0, 400)}`,
    });
  }
};

/** A superagent plugin: every answer to a request made through it is checked. */
export const contractPlugin = (request: { method: string; url: string; on: (event: 'response', cb: (res: any) => void) => void }) => {
  request.on('response', (response) => {
    checkResponse(request.method, request.url, response.status, String(response.headers['content-type'] ?? ''), response.body);
  });
};

/** supertest on a server's URL (another process, a second instance) with every answer checked too. */
export const checked = (baseUrl: string) => request.agent(baseUrl).use(contractPlugin as never);
