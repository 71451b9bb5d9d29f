/** Builds an archive of the born-digital fixture corpus reviewed by a person according to
 *  truth.json (expected class and legal basis), for the catalogue tests. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createEngine, type Engine } from '../../../electron/engine/index';
import { fixture } from '../../helpers/fixtures';

export interface Truth {
  id: string;
  text: string;
  expected_access: 'public' | 'conditional' | 'secret';
  legal_basis: string;
  personal_data: string[];
  metadata: { so_ky_hieu: string; trich_yeu: string };
  blocks: { type: string; text: string }[][];
}

export const CORPUS = ['d01', 'd03', 'd09', 'd10', 'd14', 'd15', 'd17', 'd21', 'd23', 'd24', 'd25', 'd26'];

export function truthOf(name: string): Truth {
  return JSON.parse(readFileSync(fixture('corpus', name, 'truth.json'), 'utf8')) as Truth;
}

/** Registry entry for the truth's legal basis ("Điều 17 khoản 1 điểm đ" → L104.D17.K1.dd). */
export function basisOf(t: Truth): string {
  const m = /Điều (\d+) khoản (\d+)(?: điểm (\S+))?/.exec(t.legal_basis);
  if (!m) throw new Error(`basis ${t.legal_basis}`);
  const point = m[3] ? `.${m[3].replace(/[;,]$/, '').replace('đ', 'dd')}` : '';
  return m[1] === '17' ? `L104.D17.K${m[2]}${point}` : `L104.D${m[1]}.K${m[2]}`;
}

export interface ReviewedArchive {
  engine: Engine;
  ids: Map<string, number>;
  truths: Map<string, Truth>;
}

/** `undecided` documents get no decision, `drafts` a public decision that is not approved. */
export async function reviewedArchive(dataDir: string, opts: { undecided?: string[]; drafts?: string[] } = {}): Promise<ReviewedArchive> {
  const engine = await createEngine({ dataDir, workers: 1, actor: 'test' });
  const ids = new Map<string, number>();
  const truths = new Map<string, Truth>();
  for (const name of CORPUS) {
    const [r] = await engine.importPaths([fixture('corpus', name, 'born-digital.pdf')]);
    ids.set(name, r!.id!);
    truths.set(name, truthOf(name));
  }
  engine.extract('all');
  for (const [name, id] of ids) {
    if (opts.undecided?.includes(name)) continue;
    const t = truths.get(name)!;
    if (opts.drafts?.includes(name)) {
      engine.decide({ documentId: id, access: 'public', basis: 'L104.D17.K2', reviewer: 'Người duyệt', approve: false });
      continue;
    }
    engine.decide({ documentId: id, access: t.expected_access, basis: basisOf(t), reviewer: 'Người duyệt' });
  }
  return { engine, ids, truths };
}

export function fileSha(engine: Engine, id: number): string {
  return (engine.db.prepare('SELECT file_sha256 FROM documents WHERE id = ?').get(id) as { file_sha256: string }).file_sha256;
}

/** The opaque public id a document's published files are named by. */
export function publicIdOf(engine: Engine, id: number): string {
  return (engine.db.prepare('SELECT public_id FROM public_ids WHERE document_id = ?').get(id) as { public_id: string }).public_id;
}

export function walk(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? walk(p, base) : [path.relative(base, p)];
  });
}
