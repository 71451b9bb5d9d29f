/**
 * Builds the catalogue site the Chromium tests read: d03 and d10 public, d15 conditional, d23
 * secret, plus a document imported under the hostile name `a<script>alert(1)<script>.pdf` whose
 * subject a reviewer set to that same string (its bytes are d01's, so d01 itself is not imported). Run as a script (node --import tsx) so the engine's
 * worker threads start the way they do in the CLI. Prints the export folder and the documents'
 * public ids (their published files' names).
 */
import path from 'node:path';
import { createEngine } from '../../electron/engine/index';
import { fixture, HTML_NAME, stageBadFiles } from '../helpers/fixtures';

const [dataDir, out] = process.argv.slice(2) as [string, string];
const engine = await createEngine({ dataDir, workers: 1, actor: 'e2e' });
try {
  const staged = stageBadFiles(path.join(dataDir, '..', 'bad'));
  const [hostile] = await engine.importPaths([path.join(staged, HTML_NAME)]);
  const ids: Record<string, number> = {};
  for (const d of ['d03', 'd10', 'd15', 'd23']) {
    const [r] = await engine.importPaths([fixture('corpus', d, 'born-digital.pdf')]);
    ids[d] = r!.id!;
  }
  engine.extract('all');
  const reviewer = 'Người duyệt';
  engine.decide({ documentId: ids.d10!, access: 'public', basis: 'L104.D17.K1.b', reviewer });
  engine.decide({ documentId: ids.d03!, access: 'public', basis: 'L104.D17.K1.d', reviewer });
  engine.decide({ documentId: ids.d15!, access: 'conditional', basis: 'L104.D7.K2', reviewer });
  engine.decide({ documentId: ids.d23!, access: 'secret', basis: 'L104.D6.K1', reviewer });
  if (hostile?.id) {
    engine.correctHeader(hostile.id, { subject: HTML_NAME, numberNotation: '"><img src=x onerror=alert(2)>' }, reviewer);
    engine.decide({ documentId: hostile.id, access: 'public', basis: 'L104.D17.K2', reviewer });
  }
  engine.updateAgencySettings({
    name: 'Ủy ban nhân dân huyện Châu Thành',
    address: 'Số 1 đường 30/4, thị trấn Châu Thành, tỉnh Sóc Trăng',
    focalName: 'Trần Thị Bích',
    focalPosition: 'Chánh Văn phòng',
    focalPhone: '0299 3 123 456',
    focalEmail: 'vanphong@chauthanh.example.gov.vn',
    requestAddress: 'tiepcan@chauthanh.example.gov.vn',
    siteUrl: 'https://chauthanh.example.gov.vn/tiep-can/',
  });
  // A form is a file of its own, never an archived document (d09 is not imported here).
  await engine.setAgencyForm('01a', fixture('corpus', 'd09', 'born-digital.pdf'));
  await engine.exportCatalogue({ out, asOf: '2026-01-01' });
  // Published files are named by the documents' opaque public ids.
  const pid = (id: number) => (engine.db.prepare('SELECT public_id FROM public_ids WHERE document_id = ?').get(id) as { public_id: string } | undefined)?.public_id ?? null;
  const pids = Object.fromEntries(Object.entries(ids).map(([k, v]) => [k, pid(v)]));
  process.stdout.write(JSON.stringify({ out, ids: pids, hostile: hostile?.id ? pid(hostile.id) : null }) + '\n');
} finally {
  await engine.close();
}
