/**
 * The archive the Export-screen test opens: d03 and d10 approved public, d15 conditional, d23
 * secret, d01 imported but not decided. Run as a script (node --import tsx) before the preview
 * starts on the same data folder.
 */
import { createEngine } from '../../electron/engine/index';
import { fixture } from '../helpers/fixtures';

const [dataDir] = process.argv.slice(2) as [string];
const engine = await createEngine({ dataDir, workers: 1, actor: 'e2e' });
try {
  const ids: Record<string, number> = {};
  for (const d of ['d01', 'd03', 'd10', 'd15', 'd23']) {
    const [r] = await engine.importPaths([fixture('corpus', d, 'born-digital.pdf')]);
    ids[d] = r!.id!;
  }
  engine.extract('all');
  const reviewer = 'Người duyệt';
  engine.decide({ documentId: ids.d10!, access: 'public', basis: 'L104.D17.K1.b', reviewer });
  engine.decide({ documentId: ids.d03!, access: 'public', basis: 'L104.D17.K1.d', reviewer });
  engine.decide({ documentId: ids.d15!, access: 'conditional', basis: 'L104.D7.K2', reviewer });
  engine.decide({ documentId: ids.d23!, access: 'secret', basis: 'L104.D6.K1', reviewer });
  engine.updateAgencySettings({ name: 'Ủy ban nhân dân huyện Châu Thành' });
} finally {
  await engine.close();
}
