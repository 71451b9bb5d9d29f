// The provision rule reads a document's own secrecy stamp, as the export does: a document approved
// public before extraction ever ran is still refused when its page carries a "MẬT" line.
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Engine } from '../../../electron/engine/index';
import { tempDir } from '../../helpers/fixtures';
import { decreeLines, syntheticArchive } from '../../helpers/syntheticDocs';

let tmp: ReturnType<typeof tempDir>;
let engine: Engine;
let stamped = 0;
let plain = 0;

beforeAll(async () => {
  tmp = tempDir('minhbach-provision-stamp-');
  const made = await syntheticArchive(
    path.join(tmp.dir, 'data'),
    [
      {
        name: 'stamped',
        lines: decreeLines({
          number: '12/KH-UBND',
          type: 'Kế hoạch',
          subject: 'Về công tác năm 2025',
          body: ['Nội dung kế hoạch.'],
          stamp: 'MẬT',
        }),
      },
      {
        name: 'plain',
        lines: decreeLines({
          number: '13/KH-UBND',
          type: 'Kế hoạch',
          subject: 'Về công tác năm 2025',
          body: ['Nội dung kế hoạch.'],
        }),
      },
    ],
    tmp.dir,
  );
  engine = made.engine;
  stamped = made.ids.get('stamped')!;
  plain = made.ids.get('plain')!;
  // Approved public without extraction: no header field says "Mật".
  for (const id of [stamped, plain])
    engine.decide({ documentId: id, access: 'public', basis: 'L104.D17.K1.d', reviewer: 'Lê Duyệt' });
}, 60_000);

afterAll(async () => {
  await engine?.close();
  tmp?.cleanup();
});

it('refuses to provide a document whose page carries a MẬT stamp though no extraction ran, and provides the unstamped one', () => {
  expect(engine.get(stamped).header.secrecy ?? null).toBeNull();
  const refused = engine.requests.providability(stamped, '2026-03-02');
  expect(refused).toMatchObject({ providable: false, code: 'NOT_PROVIDABLE' });
  expect(refused.reason).toMatch(/mật/i);
  expect(engine.requests.providability(plain, '2026-03-02')).toMatchObject({ providable: true });
});
