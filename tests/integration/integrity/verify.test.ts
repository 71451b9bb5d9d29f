import { openSync, readSync, rmSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../electron/engine/index';
import { fixture, tempDir } from '../../helpers/fixtures';

function flipOneByte(file: string, offset: number): void {
  const fd = openSync(file, 'r+');
  const b = Buffer.alloc(1);
  readSync(fd, b, 0, 1, offset);
  b[0] = b[0]! ^ 0x01;
  writeSync(fd, b, 0, 1, offset);
  closeSync(fd);
}

describe('verify', () => {
  const temp = tempDir();
  let engine: Engine;

  beforeAll(async () => {
    engine = await createEngine({ dataDir: path.join(temp.dir, 'data') });
    await engine.importPaths([fixture('corpus', 'd01'), fixture('corpus', 'd10'), fixture('corpus', 'd04-scan.tiff')]);
  });
  afterAll(async () => {
    await engine.close();
    temp.cleanup();
  });

  it('passes on an intact archive', async () => {
    expect(await engine.verify()).toEqual({ ok: true, checked: 3, missing: [], mismatched: [] });
  });

  it('catches one flipped byte and a missing file, naming the documents', async () => {
    const [d01, d10] = engine.list();
    flipOneByte(engine.store.pathFor(engine.get(d01!.id).sha256), 1000);
    rmSync(engine.store.pathFor(engine.get(d10!.id).sha256));
    const report = await engine.verify();
    expect(report.ok).toBe(false);
    expect(report.mismatched).toEqual([expect.objectContaining({ sha256: engine.get(d01!.id).sha256, documents: [d01!.id] })]);
    expect(report.missing).toEqual([{ sha256: engine.get(d10!.id).sha256, documents: [d10!.id] }]);
  });
});
