/**
 * The mock server's control routes, `GET /__mock/state` and `POST /__mock/reset`, and who may call them.
 *
 * They are for the machine's own tools (curl, scripts, tests), not for web pages: a page at another
 * origin must not read or wipe the store. A browser names the page's origin in `Origin` on every
 * cross-origin request (Fetch standard, https://fetch.spec.whatwg.org/#origin-header) and says where a
 * request comes from in `Sec-Fetch-Site` (Fetch Metadata, https://www.w3.org/TR/fetch-metadata/), also
 * on the no-cors GETs (`<img>`, `<script>`) that carry no `Origin`. So a control request whose `Origin`
 * is not the server's own, or whose `Sec-Fetch-Site` is `cross-site` or `same-site` (another port of the
 * same host), gets 403 JSON; control answers, preflights included, carry no CORS headers, so a browser
 * lets no other page read them either. curl, Python and Node send neither header and are served.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MockBackend } from './index.ts';

export const CONTROL_ROUTES = ['GET /__mock/state', 'POST /__mock/reset'] as const;

export const isControlPath = (path: string): boolean => path === '/__mock' || path.startsWith('/__mock/');

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** What makes the request come from a page at another origin (named in the refusal), or undefined. */
export function foreignPage(req: IncomingMessage, ownOrigin: string): string | undefined {
  const origin = req.headers.origin;
  // An opaque origin (a sandboxed frame, a file: page) is sent as "null": not ours either.
  if (origin !== undefined && origin !== ownOrigin) return `Origin ${origin}`;
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return `Sec-Fetch-Site ${site}`;
  return undefined;
}

/** Answers a request to a control path; `ownOrigin` is the server's `http://host:port`. */
export function handleControl(req: IncomingMessage, res: ServerResponse, path: string, ownOrigin: string, backend: MockBackend): void {
  const foreign = foreignPage(req, ownOrigin);
  if (foreign) {
    return sendJson(res, 403, {
      error: 'Cross-origin request refused',
      message:
        `${path} does not answer web pages at other origins (this request has ${foreign}). ` +
        `Call it from curl, a script or a test.`,
    });
  }
  if (req.method === 'OPTIONS') {
    res.writeHead(204, { allow: 'GET, POST, OPTIONS', 'content-length': '0' });
    return void res.end();
  }
  if (path === '/__mock/state') {
    if (req.method !== 'GET') return sendJson(res, 405, { error: 'Method not allowed', allow: 'GET' });
    return sendJson(res, 200, backend.state());
  }
  if (path === '/__mock/reset') {
    if (req.method !== 'POST') return sendJson(res, 405, { error: 'Method not allowed', allow: 'POST' });
    backend.reset();
    res.writeHead(204);
    return void res.end();
  }
  return sendJson(res, 404, { error: 'Not found', message: `The mock server has no control route ${path}.`, routes: CONTROL_ROUTES });
}
