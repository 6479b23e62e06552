/**
 * The standalone mock server behind `bulk-invite mock`: the four vendor APIs on one local port, answered by
 * the very msw handlers the tests, the demo and Storybook use.
 *
 * Bridge: a small `node:http` adapter. Each incoming request becomes a Fetch `Request` and is answered by
 * msw's `getResponse(handlers, request)` (exported from 'msw' in 2.15 and in 3). Not
 * `@mswjs/http-middleware`: its published line (0.10) brings Express 4, which we do not otherwise need, and
 * it writes whatever Response it gets, while the `network-error` and `timeout` scenarios need the socket
 * itself (an `HttpResponse.error()` has status 0, not something to write). Here `network-error` destroys
 * the socket, `timeout` leaves the request unanswered, and `close()` destroys every open socket so a
 * pending request cannot hold the server open. Under 200 lines, no dependency beyond msw.
 *
 * Besides the vendor paths: `GET /__mock/state` (every vendor's store) and `POST /__mock/reset` (back to
 * the fixtures, 204), which refuse web pages at other origins (mocks/control-routes.ts); CORS for browsers
 * on the vendor paths (any origin, preflights answered); 404 JSON for anything else.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { getResponse } from 'msw';
import { handleControl, isControlPath } from './control-routes.ts';
import { createMockBackend, type MockBackend, type MockBackendOptions } from './index.ts';

export interface MockServerOptions extends MockBackendOptions {
  /** Default 4010; 0 picks a free port (read it back from `url` / `port`). */
  port?: number;
  /** Interface to bind. Default 127.0.0.1 (this machine only). */
  host?: string;
}

export interface RunningMockServer {
  /** `http://host:port`, no trailing slash. */
  readonly url: string;
  readonly port: number;
  readonly backend: MockBackend;
  /** Stops listening and destroys every open connection, answered or not. */
  close(): Promise<void>;
}

/** The documented endpoints, for the startup banner and the 404 body. */
export const mockRoutes = [
  { vendor: 'Diga', method: 'POST', path: '/v1/project/invitation/send/bulk' },
  { vendor: 'Wix', method: 'POST', path: '/invites/site-invite/bulk' },
  { vendor: 'Confident AI', method: 'POST', path: '/v1/projects/:projectId/invitations' },
  { vendor: 'AthenaHQ', method: 'POST', path: '/api/v1/invites/bulk' },
] as const;

/** Bodies past this size are refused (413): invite requests are small. */
const MAX_BODY_BYTES = 5 * 1024 * 1024;

const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  // Let browser clients read the rate-limit hints, not only the CORS-safelisted headers.
  'access-control-expose-headers': 'retry-after, x-rate-limit-limit, x-rate-limit-remaining, x-rate-limit-reset',
} as const;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...CORS_HEADERS, 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The Fetch `Request` msw's handlers expect, at this server's own origin (handlers match any base URL). */
async function toFetchRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const method = req.method ?? 'GET';
  const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req);
  return new Request(new URL(req.url ?? '/', origin), { method, headers, ...(body ? { body: new Uint8Array(body) } : {}) });
}

async function writeFetchResponse(res: ServerResponse, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  if (res.destroyed) return;
  const headers: Record<string, string | string[]> = { ...CORS_HEADERS };
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  headers['content-length'] = String(body.length);
  delete headers['transfer-encoding'];
  if (response.statusText) res.statusMessage = response.statusText;
  res.writeHead(response.status, headers);
  res.end(body);
}

function preflight(req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(204, {
    ...CORS_HEADERS,
    'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
    // Echo what the page asks for: the vendors' auth headers differ (Authorization, x-api-key,
    // CONFIDENT_API_KEY, wix-site-id, …).
    'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '*',
    'access-control-max-age': '600',
    'content-length': '0',
  });
  res.end();
}

export async function startMockServer(options: MockServerOptions = {}): Promise<RunningMockServer> {
  const backend = createMockBackend(options);
  const host = options.host ?? '127.0.0.1';
  const sockets = new Set<Socket>();
  let origin = '';

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (isControlPath(path)) return handleControl(req, res, path, origin, backend);
    if (req.method === 'OPTIONS') return preflight(req, res);

    let request: Request;
    try {
      request = await toFetchRequest(req, origin);
    } catch (error) {
      if (error instanceof BodyTooLarge) return sendJson(res, 413, { error: 'Request body too large' });
      throw error;
    }
    // `timeout`: the handler never settles, so neither does this; close() ends the socket.
    const response = await getResponse(backend.handlers, request);
    if (res.destroyed) return;
    if (!response) {
      return sendJson(res, 404, {
        error: 'Not found',
        message: `The mock server has no route for ${req.method} ${path}.`,
        routes: mockRoutes.map((route) => `${route.method} ${route.path}`),
      });
    }
    // `network-error`: the handler answered `HttpResponse.error()`; a real network error is a cut connection.
    if (response.type === 'error') return void req.socket.destroy();
    await writeFetchResponse(res, response);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // A handler bug: answer it (visible to the caller) rather than crash the server.
      if (res.headersSent || res.destroyed) return void res.destroy();
      sendJson(res, 500, { error: 'Mock server error', message: error instanceof Error ? error.message : String(error) });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4010, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 4010);
  origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  let closing: Promise<void> | undefined;
  return {
    url: origin,
    port,
    backend,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}
