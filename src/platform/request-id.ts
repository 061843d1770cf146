import crypto from 'crypto';

export const REQUEST_ID_HEADER = 'X-Request-Id';

const ACCEPTABLE = /^[A-Za-z0-9._-]{1,64}$/;

/** A load balancer's request id when it is a plain token, so logs join up; otherwise a fresh one. */
export const requestIdFrom = (incoming: string | undefined): string =>
  incoming && ACCEPTABLE.test(incoming) ? incoming : crypto.randomUUID();
