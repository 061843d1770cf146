import type { Response } from 'supertest';

/** Asserts Strapi's error envelope `{ data: null, error: { status, name, message, details } }`. */
export const expectErrorEnvelope = (res: Response, status: number, code?: string): void => {
  expect(res.status).toBe(status);
  expect(res.body).toMatchObject({
    data: null,
    error: { status, name: expect.any(String), message: expect.any(String) },
  });
  if (code !== undefined) expect(res.body.error.details?.code).toBe(code);
};
