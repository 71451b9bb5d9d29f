/**
 * Export and import of the access model as a file, so a province can share a starter model. The
 * export is the shareable copy (words seen in fewer than three documents dropped); an import is
 * checked against the file format and this version's features before it is kept.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../../shared/domain/errors';
import { ModelFileSchema, shareableModel, type ModelFile } from './accessModel';

export async function writeModelFile(file: string, model: ModelFile, source: string): Promise<ModelFile> {
  const shared = { ...shareableModel(model), source };
  const temp = `${file}.tmp-${process.pid}`;
  await writeFile(temp, JSON.stringify(shared), { mode: 0o600 });
  await rename(temp, file);
  return shared;
}

export async function readModelFile(file: string): Promise<ModelFile> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    throw new AppError('MODEL_INVALID', `${path.basename(file)}: ${(e as Error).message}`, { detailVi: `Tệp ${path.basename(file)}: không đọc được (${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'không tồn tại' : 'không phải JSON'}).` });
  }
  const parsed = ModelFileSchema.safeParse(raw, { error: z.locales.vi().localeError });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError('MODEL_INVALID', `${path.basename(file)}: ${issue.path.join('.')}`, { detailVi: `Tệp ${path.basename(file)}: ${issue.path.join(' › ') || 'gốc tệp'}: ${issue.message}.` });
  }
  try {
    const learnings = JSON.parse(parsed.data.learnings) as unknown;
    if (!Array.isArray(learnings) || learnings.length !== 5) throw new Error('learnings');
  } catch {
    throw new AppError('MODEL_INVALID', `${path.basename(file)}: learnings`, { detailVi: `Tệp ${path.basename(file)}: phần dữ liệu học của mô hình bị hỏng.` });
  }
  return parsed.data;
}
