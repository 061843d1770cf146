import dns from 'dns';
import http from 'http';
import https from 'https';
import { isIP, type LookupFunction } from 'net';
import { classifyAddress, isReachable, type AllowList } from '../rules/addresses';

/**
 * The one way the plugin calls out to a URL someone configured (webhooks): http(s) only, to
 * addresses the SSRF rule allows (checked on the address actually connected to, so a DNS answer
 * cannot switch to an internal one between check and connect), no redirects followed, and a
 * deadline over the whole exchange.
 */

export class RefusedAddressError extends Error {
  constructor(
    readonly host: string,
    readonly address: string
  ) {
    super(`${host} resolves to ${address} (${classifyAddress(address)}), which webhooks may not reach`);
  }
}

export interface OutboundResult {
  /** The response's status code; absent when no response came (refused, time-out, network error). */
  status?: number;
  durationMs: number;
  error?: string;
}

const MAX_RESPONSE_BYTES = 64 * 1024;

const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, '');

export const parseWebhookUrl = (raw: string): URL | null => {
  try {
    const url = new URL(raw);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password ? url : null;
  } catch {
    return null;
  }
};

/** Resolves the URL's host and throws RefusedAddressError when any of its addresses is off limits. */
export const assertReachable = async (url: URL, allow: AllowList): Promise<void> => {
  const host = hostOf(url);
  const addresses = isIP(host) ? [host] : (await dns.promises.lookup(host, { all: true })).map((a) => a.address);
  const refused = addresses.find((address) => !isReachable(host, address, allow));
  if (refused) throw new RefusedAddressError(host, refused);
};

/** A dns lookup that hands the socket only an allowed address. */
const guardedLookup =
  (allow: AllowList): LookupFunction =>
  (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses as dns.LookupAddress[];
      const refused = list.find((entry) => !isReachable(hostname, entry.address, allow));
      if (refused) return callback(new RefusedAddressError(hostname, refused.address), '', 0);
      if ((options as { all?: boolean }).all)
        return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      return callback(null, list[0].address, list[0].family);
    });
  };

export const postJson = async (
  url: URL,
  body: string,
  headers: Record<string, string>,
  options: { timeoutMs: number; allow: AllowList }
): Promise<OutboundResult> => {
  const started = Date.now();
  const done = (result: Omit<OutboundResult, 'durationMs'>): OutboundResult => ({
    ...result,
    durationMs: Date.now() - started,
  });
  const host = hostOf(url);
  // A literal address never goes through `lookup`: judge it here.
  if (isIP(host) && !isReachable(host, host, options.allow))
    return done({ error: new RefusedAddressError(host, host).message });

  return new Promise<OutboundResult>((resolve) => {
    const client = url.protocol === 'https:' ? https : http;
    const request = client.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
      lookup: guardedLookup(options.allow),
      agent: false,
    });
    const deadline = setTimeout(
      () => request.destroy(new Error(`no complete answer within ${options.timeoutMs} ms`)),
      options.timeoutMs
    );
    const finish = (result: Omit<OutboundResult, 'durationMs'>) => {
      clearTimeout(deadline);
      resolve(done(result));
    };
    request.on('error', (error) => finish({ error: error.message }));
    request.on('response', (response) => {
      let received = 0;
      // The answer's body is not used; read (a bounded amount of) it so the exchange completes.
      response.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > MAX_RESPONSE_BYTES) response.destroy();
      });
      response.on('close', () => finish({ status: response.statusCode }));
      response.on('error', () => finish({ status: response.statusCode }));
    });
    request.end(body);
  });
};
