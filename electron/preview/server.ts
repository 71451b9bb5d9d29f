/**
 * The browser preview host (development and tests only; never part of the packaged app): serves
 * the built renderer and the same handler table as Electron main over HTTP on 127.0.0.1.
 *
 *   POST /api/invoke/<channel>   JSON body → Result JSON            (token header)
 *   POST /api/upload             raw bytes → { uploadId }          (token header)
 *   GET  /api/events?token=…     server-sent events: jobs:progress
 *
 * Every /api request needs the random per-run token, and the Host header must be the loopback
 * address itself, so neither another local user's page nor a DNS-rebinding site can drive it.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { JOB_PROGRESS_EVENT } from '../../shared/contract/events';
import { userError } from '../../shared/domain/errors';
import { CONTENT_SECURITY_POLICY } from '../main/contentSecurityPolicy';
import type { RunningHost } from '../host/startHost';
import { readStatic } from './staticFiles';
import type { UploadStaging } from './uploadStaging';

export const TOKEN_HEADER = 'x-minhbach-token';
// Camera frames arrive as base64 JSON (camera:detect, camera:addPage): up to ~30 MB.
const MAX_JSON_BYTES = 40 * 1024 * 1024;

export interface PreviewServer {
  url: string;
  token: string;
  close(): Promise<void>;
}

function sameToken(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_JSON_BYTES) throw new Error('body too large');
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text.length === 0 ? {} : JSON.parse(text);
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

export async function startPreviewServer(options: {
  host: RunningHost;
  staticDir: string;
  staging: UploadStaging;
  port?: number;
}): Promise<PreviewServer> {
  const token = randomBytes(24).toString('hex');
  const { host, staging } = options;
  const streams = new Set<http.ServerResponse>();
  const unsubscribe = host.onJobProgress((progress) => {
    const frame = `event: ${JOB_PROGRESS_EVENT}\ndata: ${JSON.stringify(progress)}\n\n`;
    for (const res of streams) res.write(frame);
  });
  let expectedHost = '';

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e: Error) => {
      host.log.error(`preview ${req.method} ${req.url}: ${e.stack ?? e.message}`);
      if (!res.headersSent) send(res, 500, { ok: false, error: userError('INTERNAL') });
      else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (req.headers.host !== expectedHost)
      return send(res, 421, { ok: false, error: userError('INVALID_INPUT') });
    const url = new URL(req.url ?? '/', `http://${expectedHost}`);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');

    if (!url.pathname.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, {});
      const file = await readStatic(options.staticDir, url.pathname);
      if (!file) return send(res, 404, {});
      res.writeHead(200, {
        'content-type': file.type,
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'cache-control': 'no-cache',
      });
      res.end(req.method === 'HEAD' ? undefined : file.body);
      return;
    }

    const given = url.pathname === '/api/events' ? url.searchParams.get('token') : req.headers[TOKEN_HEADER];
    if (!sameToken(typeof given === 'string' ? given : null, token))
      return send(res, 403, { ok: false, error: userError('INVALID_INPUT') });

    if (req.method === 'GET' && url.pathname === '/api/events') {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      streams.add(res);
      const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
      req.on('close', () => {
        clearInterval(keepAlive);
        streams.delete(res);
      });
      return;
    }
    if (req.method !== 'POST') return send(res, 405, { ok: false, error: userError('INVALID_INPUT') });
    // Cross-site form posts carry no custom header, but refuse a foreign Origin outright too.
    if (req.headers.origin && req.headers.origin !== `http://${expectedHost}`) {
      return send(res, 403, { ok: false, error: userError('INVALID_INPUT') });
    }

    if (url.pathname === '/api/upload') {
      const staged = await staging.stage(req);
      return send(res, 200, { ok: true, value: staged });
    }
    const invokeMatch = /^\/api\/invoke\/([a-z]+:[a-zA-Z]+)$/.exec(url.pathname);
    if (invokeMatch) {
      let input: unknown;
      try {
        input = await readJson(req);
      } catch {
        return send(res, 400, { ok: false, error: userError('INVALID_INPUT') });
      }
      return send(res, 200, await host.invoke(invokeMatch[1]!, input));
    }
    return send(res, 404, { ok: false, error: userError('INVALID_INPUT') });
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  expectedHost = `127.0.0.1:${port}`;
  return {
    url: `http://${expectedHost}/`,
    token,
    async close() {
      unsubscribe();
      for (const res of streams) res.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
