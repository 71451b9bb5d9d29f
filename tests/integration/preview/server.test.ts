import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../../electron/host/startHost';
import { startPreviewServer, TOKEN_HEADER, type PreviewServer } from '../../../electron/preview/server';
import { UploadStaging } from '../../../electron/preview/uploadStaging';
import { channelsFor } from '../../../shared/contract/index';

const D01 = path.resolve(import.meta.dirname, '../../fixtures/corpus/d01/born-digital.pdf');
let dir: string;
let host: RunningHost;
let server: PreviewServer;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'minhbach-preview-'));
  const staticDir = path.join(dir, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  const staging = new UploadStaging(path.join(dir, 'data/tmp/uploads'), 10_000_000);
  host = await startHost({
    host: 'preview',
    settingsFile: path.join(dir, 's.json'),
    dataDir: path.join(dir, 'data'),
    appVersion: 't',
    services: { uploads: staging },
  });
  server = await startPreviewServer({ host, staticDir, staging });
});
afterAll(async () => {
  await server.close();
  await host.shutdown();
  rmSync(dir, { recursive: true, force: true });
});

const api = (p: string, init: RequestInit = {}) =>
  fetch(new URL(p, server.url), {
    method: 'POST',
    ...init,
    headers: { [TOKEN_HEADER]: server.token, ...(init.headers ?? {}) },
  });

describe('browser preview server', () => {
  it('serves the renderer with the CSP header and no path escape', async () => {
    const res = await fetch(server.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await fetch(new URL('/..%2F..%2Fetc%2Fpasswd', server.url))).status).toBe(404);
  });

  it('refuses API calls without the token, and a foreign Host header', async () => {
    expect((await fetch(new URL('/api/invoke/app:info', server.url), { method: 'POST' })).status).toBe(403);
    expect((await api('/api/invoke/app:info', { headers: { [TOKEN_HEADER]: 'x'.repeat(48) } })).status).toBe(
      403,
    );
    const status = await new Promise<number>((resolve) => {
      const u = new URL(server.url);
      http
        .request(
          {
            host: u.hostname,
            port: u.port,
            path: '/api/invoke/app:info',
            method: 'POST',
            headers: { host: 'evil.example', [TOKEN_HEADER]: server.token },
          },
          (r) => resolve(r.statusCode!),
        )
        .end();
    });
    expect(status).toBe(421);
  });

  it('binds every preview channel and answers typed errors', async () => {
    for (const channel of channelsFor('preview')) {
      const body = (await (await api(`/api/invoke/${channel}`, { body: '{"__probe": true' })).json()) as {
        ok: boolean;
        error: { code: string };
      };
      expect(body, channel).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    const info = await (await api('/api/invoke/app:info', { body: '{}' })).json();
    expect(info).toMatchObject({ ok: true, value: { host: 'preview' } });
    const electronOnly = await (
      await api('/api/invoke/import:files', { body: '{"paths":["/etc/passwd"]}' })
    ).json();
    expect(electronOnly).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('imports an upload and pushes progress over server-sent events', async () => {
    const events = await fetch(new URL(`/api/events?token=${server.token}`, server.url));
    const reader = events.body!.getReader();
    const staged = (await (await api('/api/upload', { body: readFileSync(D01) })).json()) as {
      value: { uploadId: string };
    };
    const imported = (await (
      await api('/api/invoke/import:upload', {
        body: JSON.stringify({ uploads: [{ uploadId: staged.value.uploadId, fileName: 'công văn.pdf' }] }),
      })
    ).json()) as { value: { results: { status: string; fileName: string; path: string }[] } };
    expect(imported.value.results[0]).toMatchObject({
      status: 'imported',
      fileName: 'công văn.pdf',
      path: 'công văn.pdf',
    });
    let text = '';
    while (!text.includes('event: jobs:progress'))
      text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain('"done":1');
    await reader.cancel();
  });
});
