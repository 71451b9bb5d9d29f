// Worker thread entry for scanned and photographed pages: blank measure, separator code, page
// edges and perspective correction. Image work stays off the thread that serves the UI and owns
// the database.
import sharp from 'sharp';
import type { Corners } from '../../../../shared/contract/scanning';
import { AppError } from '../../../../shared/domain/errors';
import { serveTasks } from '../../workers/workerProtocol';
import { writeFileAtomic } from '../../archive/fileStore';
import { detectPageCorners, straightenPage, type Rgba } from '../camera/pageDetection';
import { isBlank, measureInk } from './blankPage';
import { hasSeparatorCode } from './separatorSheet';

export type PageTask =
  | { kind: 'analyse'; file: string; separator: boolean; threshold: number }
  | { kind: 'detect'; image: Uint8Array }
  | { kind: 'straighten'; image: Uint8Array; corners: Corners; out: string };

export interface AnalyseReply {
  ink: number;
  blank: boolean;
  separator: boolean | null;
}
export interface DetectReply {
  corners: Corners | null;
  width: number;
  height: number;
}
export interface StraightenReply {
  width: number;
  height: number;
}

/** Camera frames are decoded with sharp; a detection frame is first reduced (corners are fractions). */
async function rgba(image: Uint8Array, maxSide?: number): Promise<Rgba & { fullWidth: number; fullHeight: number }> {
  try {
    const meta = await sharp(image, { limitInputPixels: 100_000_000 }).metadata();
    let pipeline = sharp(image, { limitInputPixels: 100_000_000 }).rotate();
    if (maxSide) pipeline = pipeline.resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true });
    const { data, info } = await pipeline.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height, fullWidth: meta.width ?? info.width, fullHeight: meta.height ?? info.height };
  } catch (e) {
    throw new AppError('CAMERA_IMAGE_INVALID', (e as Error).message);
  }
}

async function run(task: PageTask): Promise<AnalyseReply | DetectReply | StraightenReply> {
  if (task.kind === 'analyse') {
    const measure = await measureInk(task.file);
    const blank = isBlank(measure, task.threshold);
    // A separator sheet is mostly white around its codes; only pages with ink can carry one.
    const separator = task.separator ? !blank && (await hasSeparatorCode(task.file)) : null;
    return { ink: measure.ink, blank, separator };
  }
  if (task.kind === 'detect') {
    const frame = await rgba(task.image, 1000);
    return { corners: await detectPageCorners(frame), width: frame.fullWidth, height: frame.fullHeight };
  }
  const frame = await rgba(task.image);
  const page = await straightenPage(frame, task.corners);
  const png = await sharp(page.data, { raw: { width: page.width, height: page.height, channels: 4 } })
    .removeAlpha()
    .png({ compressionLevel: 6 })
    .toBuffer();
  await writeFileAtomic(task.out, png);
  return { width: page.width, height: page.height };
}

serveTasks<PageTask, AnalyseReply | DetectReply | StraightenReply>(run);
