import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRendererFile } from '../../../electron/main/appProtocol';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/contentSecurityPolicy';

const DIR = path.resolve('/opt/minhbach/renderer');

describe('app:// protocol', () => {
  it('serves files inside the renderer folder only', () => {
    expect(resolveRendererFile(DIR, 'app://minhbach/')).toBe(path.join(DIR, 'index.html'));
    expect(resolveRendererFile(DIR, 'app://minhbach/assets/index.js')).toBe(
      path.join(DIR, 'assets/index.js'),
    );
    // URL parsing already folds dot segments: this stays inside the renderer folder.
    expect(resolveRendererFile(DIR, 'app://minhbach/../../etc/passwd')).toBe(path.join(DIR, 'etc/passwd'));
    expect(resolveRendererFile(DIR, 'app://minhbach/..%2F..%2F..%2Fetc%2Fpasswd')).toBeNull();
    expect(resolveRendererFile(DIR, 'app://minhbach/%E0%A4%A')).toBeNull();
    expect(resolveRendererFile(DIR, 'app://other/index.html')).toBeNull();
    expect(resolveRendererFile(DIR, 'file:///etc/passwd')).toBeNull();
  });

  it('has a CSP without inline scripts, eval or remote sources', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
  });
});
