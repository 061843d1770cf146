import jwt from 'jsonwebtoken';

const base64url = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** The claims of a token, without checking its signature. */
export const claimsOf = (token: string): jwt.JwtPayload => jwt.decode(token) as jwt.JwtPayload;

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** The token's own claims re-signed with `secret`, valid for an hour unless `claims` say otherwise. */
export const resign = (token: string, secret: string, claims: Record<string, unknown> = {}): string => {
  const { iat: _iat, exp: _exp, ...payload } = claimsOf(token);
  return jwt.sign({ ...payload, iat: nowSeconds(), exp: nowSeconds() + 3600, ...claims }, secret, {
    algorithm: 'HS256',
  });
};

/** Signed with the right secret, but expired an hour ago. */
export const expired = (token: string, secret: string): string =>
  resign(token, secret, { iat: nowSeconds() - 7200, exp: nowSeconds() - 3600 });

/** `alg: none` with no signature: a server that trusts the header would accept any claims. */
export const unsigned = (token: string, claims: Record<string, unknown> = {}): string =>
  `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ ...claimsOf(token), ...claims })}.`;

/** The payload changed (e.g. another user's id) but the original signature kept. */
export const tampered = (token: string, claims: Record<string, unknown>): string => {
  const [header, , signature] = token.split('.');
  return `${header}.${base64url({ ...claimsOf(token), ...claims })}.${signature}`;
};
