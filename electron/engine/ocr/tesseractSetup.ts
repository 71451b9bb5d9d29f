/**
 * Offline configuration for tesseract.js 7.
 *
 * Why a copied folder: tesseract.js reads `<langPath>/<lang>.traineddata.gz` with plain `fs` from
 * its own worker thread, all languages from ONE folder. The npm data packages keep vie, eng and osd
 * in three folders, and in a packaged app they sit inside app.asar where a worker thread cannot read
 * them reliably. So on start we copy the model files once into `<dataDir>/tessdata/<model>/` (a
 * writable, per-user folder the caller owns) and point every worker there. Without a local
 * `langPath` tesseract.js would download from a CDN; `cacheMethod: 'none'` stops it from writing
 * unzipped copies into the current directory.
 *
 * Model choice (measured on this corpus, 2-core machine, see bench/ocr.ts):
 *  - 'fast'  = tessdata_fast vie+eng (Debian's tesseract-ocr-vie/eng, Apache-2.0), shipped gzipped in
 *              resources/tessdata/fast/. ~35 % faster per page in tesseract.js with the same CER on
 *              the corpus, so it is the default.
 *  - 'best_int' = @tesseract.js-data/{vie,eng} 4.0.0_best_int (LSTM only): slower, kept as an option.
 * Orientation detection uses osd.traineddata from @tesseract.js-data/osd (legacy engine).
 */
import { copyFile, mkdir, rename, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { resourcesDir as appResourcesDir } from '../resourcesDir';

export type OcrModel = 'fast' | 'best_int';
export const DEFAULT_OCR_MODEL: OcrModel = 'fast';
/** Vietnamese only. With 'vie+eng' tesseract lets the English model win on bold capitals and
 *  drops their accents ("SO TU PHAP" for "SỞ TƯ PHÁP"), and it runs both models on unsure
 *  words: on the corpus 'vie' alone has ~1/3 less word error and is ~15 % faster. */
export const OCR_LANGUAGES = 'vie';
export const TESSERACT_JS_VERSION = '7.0.0';

const require = createRequire(import.meta.url);


function dataPackageDir(lang: 'vie' | 'eng' | 'osd'): string {
  return path.dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`));
}

/** Where each model file comes from. `resourcesDir` is the app's resources folder. */
function modelSources(model: OcrModel, resourcesDir: string): Record<string, string> {
  const osd = path.join(dataPackageDir('osd'), '4.0.0_best_int', 'osd.traineddata.gz');
  if (model === 'fast') {
    return {
      'vie.traineddata.gz': path.join(resourcesDir, 'tessdata', 'fast', 'vie.traineddata.gz'),
      'eng.traineddata.gz': path.join(resourcesDir, 'tessdata', 'fast', 'eng.traineddata.gz'),
      'osd.traineddata.gz': osd,
    };
  }
  return {
    'vie.traineddata.gz': path.join(dataPackageDir('vie'), '4.0.0_best_int', 'vie.traineddata.gz'),
    'eng.traineddata.gz': path.join(dataPackageDir('eng'), '4.0.0_best_int', 'eng.traineddata.gz'),
    'osd.traineddata.gz': osd,
  };
}

async function sizeOf(file: string): Promise<number | null> {
  try {
    return (await stat(file)).size;
  } catch {
    return null;
  }
}

/**
 * Copies the model files into `<tessdataDir>/<model>/` (skipping files already there with the same
 * size) and returns that folder, to be used as `langPath`.
 */
export async function installTessdata(
  tessdataDir: string,
  model: OcrModel = DEFAULT_OCR_MODEL,
  resourcesDir: string = appResourcesDir(),
): Promise<string> {
  const target = path.join(tessdataDir, model);
  await mkdir(target, { recursive: true });
  for (const [name, source] of Object.entries(modelSources(model, resourcesDir))) {
    const sourceSize = await sizeOf(source);
    if (sourceSize === null) throw new Error(`OCR model file missing: ${source}`);
    const dest = path.join(target, name);
    if ((await sizeOf(dest)) === sourceSize) continue;
    const partial = `${dest}.partial`;
    await copyFile(source, partial);
    // Rename only complete copies, so an interrupted first run never leaves a truncated model.
    await rename(partial, dest);
  }
  return target;
}

/** The label stored with every page result. */
export function engineLabel(model: OcrModel, languages: string = OCR_LANGUAGES): string {
  return `tesseract.js ${TESSERACT_JS_VERSION} ${languages} ${model}`;
}

/**
 * Options for `createWorker`: local data, no cache writes, an error handler (without one a failed job
 * is re-thrown from tesseract.js's message handler as an uncaught exception, which would take down
 * Electron's main process). `logger` is deliberately absent: passing `logger: undefined` crashes.
 */
export function workerOptions(langPath: string, onError: (error: unknown) => void): Record<string, unknown> {
  return {
    langPath,
    cacheMethod: 'none',
    gzip: true,
    errorHandler: onError,
  };
}
