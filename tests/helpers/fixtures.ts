import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures');
export const REPO_ROOT = path.join(import.meta.dirname, '..', '..');

export function fixture(...parts: string[]): string {
  return path.join(FIXTURES, ...parts);
}

/** 188 characters / 254 bytes in UTF-8 (NFC): one byte under the Linux file-name limit. */
export const LONG_NAME =
  'Quyết định số 1534 của Chủ tịch Ủy ban nhân dân huyện Châu Thành về việc trợ cấp xã hội hằng tháng đối với đối tượng bảo trợ xã hội trên địa bàn tỉnh Sóc Trăng năm hai nghìn không trăm.pdf';
export const HTML_NAME = 'a<script>alert(1)<script>.pdf';
export const SHELL_NAME = '; rm -rf ~.png';

const HOSTILE_NAMES: Record<string, string> = {
  'html-name.pdf': HTML_NAME,
  'shell-name.png': SHELL_NAME,
  'long-name.pdf': LONG_NAME,
};

/** What each file of tests/fixtures/bad must produce when imported. */
export const BAD_EXPECTATIONS: Record<string, { status: 'imported' | 'rejected'; code?: string }> = {
  'empty.pdf': { status: 'rejected', code: 'EMPTY_FILE' },
  'truncated.pdf': { status: 'rejected', code: 'CORRUPT_FILE' },
  'encrypted-password.pdf': { status: 'rejected', code: 'ENCRYPTED_PDF' },
  'javascript-openaction.pdf': { status: 'imported' },
  'bomb-30000x30000.png': { status: 'rejected', code: 'IMAGE_TOO_LARGE' },
  'corrupt.jpg': { status: 'rejected', code: 'CORRUPT_FILE' },
  'really-a-zip.pdf': { status: 'rejected', code: 'TYPE_MISMATCH' },
  'text-renamed.tif': { status: 'rejected', code: 'TYPE_MISMATCH' },
  '1x1.png': { status: 'imported' },
  [HTML_NAME]: { status: 'imported' },
  [SHELL_NAME]: { status: 'imported' },
  [LONG_NAME]: { status: 'imported' },
};

export function tempDir(prefix = 'minhbach-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Copies the bad-input fixtures into `dir` under their real (hostile) names. */
export function stageBadFiles(dir: string): string {
  const source = fixture('bad');
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(source)) {
    if (name === 'README.md') continue;
    copyFileSync(path.join(source, name), path.join(dir, HOSTILE_NAMES[name] ?? name));
  }
  return dir;
}
