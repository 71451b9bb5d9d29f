/**
 * Builds the `scanimage` command line for one scan run from our settings and the device's own
 * option list (its words for sources and modes, its resolutions, its scan area).
 */
import path from 'node:path';
import { AppError } from '../../../../shared/domain/errors';
import type { ScanSettings } from '../types';
import {
  COLOUR_MODE,
  DUPLEX,
  FEEDER,
  findOption,
  FLATBED,
  GREY_MODE,
  LINEART_MODE,
  type SaneOption,
} from './saneOptions';

/** Paper sizes in millimetres (width × height). */
export const PAGE_MM: Record<Exclude<ScanSettings['pageSize'], 'max'>, [number, number]> = {
  a4: [210, 297],
  a3: [297, 420],
  letter: [215.9, 279.4],
  legal: [215.9, 355.6],
};

function unsupported(detail: string): never {
  throw new AppError('SCANNER_UNSUPPORTED', detail);
}

/** The device's name for the chosen source, plus any switch duplex needs. */
function sourceArgs(settings: ScanSettings, options: SaneOption[]): string[] {
  const source = findOption(options, 'source');
  const values = source?.values ?? [];
  if (settings.source === 'flatbed') {
    if (!source) return [];
    const flatbed = values.find((v) => FLATBED.test(v));
    if (!flatbed) unsupported(`no flatbed among ${values.join('|')}`);
    return [`--source=${flatbed}`];
  }
  const feeders = values.filter((v) => FEEDER.test(v) || DUPLEX.test(v));
  if (feeders.length === 0) unsupported(`no document feeder among ${values.join('|') || '(no source option)'}`);
  if (!settings.duplex) {
    const simplex = feeders.find((v) => !DUPLEX.test(v) && !/back/i.test(v)) ?? feeders.find((v) => !DUPLEX.test(v));
    if (!simplex) unsupported(`only duplex feeder sources: ${feeders.join('|')}`);
    const extra = findOption(options, 'adf-mode')?.values?.find((v) => /simplex/i.test(v));
    return [`--source=${simplex}`, ...(extra ? [`--adf-mode=${extra}`] : [])];
  }
  const duplexSource = feeders.find((v) => DUPLEX.test(v));
  if (duplexSource) return [`--source=${duplexSource}`];
  const simplex = feeders.find((v) => !/back/i.test(v)) ?? feeders[0]!;
  const adfMode = findOption(options, 'adf-mode')?.values?.find((v) => DUPLEX.test(v));
  if (adfMode) return [`--source=${simplex}`, `--adf-mode=${adfMode}`];
  if (findOption(options, 'duplex')) return [`--source=${simplex}`, '--duplex=yes'];
  return unsupported('the device cannot scan both sides');
}

function modeArgs(settings: ScanSettings, options: SaneOption[]): string[] {
  const modes = findOption(options, 'mode')?.values ?? [];
  if (modes.length === 0) return [];
  const pattern = settings.colour === 'grey' ? GREY_MODE : settings.colour === 'colour' ? COLOUR_MODE : LINEART_MODE;
  const mode = modes.find((m) => pattern.test(m));
  // A device without a grey mode scans in colour; the pages are made grey afterwards.
  const fallback = settings.colour === 'grey' ? modes.find((m) => COLOUR_MODE.test(m)) : undefined;
  if (!mode && !fallback) unsupported(`colour mode ${settings.colour} not among ${modes.join('|')}`);
  return [`--mode=${mode ?? fallback}`];
}

/** The supported resolution nearest to the one asked for. */
export function nearestResolution(dpi: number, option: SaneOption | undefined): number | null {
  if (!option) return null;
  if (option.values) {
    const list = option.values.map(Number).filter((n) => Number.isFinite(n) && n > 0);
    if (list.length === 0) return null;
    return list.reduce((best, n) => (Math.abs(n - dpi) < Math.abs(best - dpi) ? n : best));
  }
  if (option.range) {
    const { min, max, step } = option.range;
    let value = Math.min(max, Math.max(min, dpi));
    if (step && step > 0) value = min + Math.round((value - min) / step) * step;
    return value;
  }
  return null;
}

function geometryArgs(settings: ScanSettings, options: SaneOption[]): string[] {
  if (settings.pageSize === 'max') return [];
  const [w, h] = PAGE_MM[settings.pageSize];
  const args: string[] = [];
  const x = findOption(options, 'x');
  const y = findOption(options, 'y');
  if (findOption(options, 'l')) args.push('-l', '0');
  if (findOption(options, 't')) args.push('-t', '0');
  // A page larger than the scan area is scanned at the area's size.
  if (x?.range) args.push('-x', String(Math.min(w, x.range.max)));
  if (y?.range) args.push('-y', String(Math.min(h, y.range.max)));
  return args;
}

function backendArgs(settings: ScanSettings, options: SaneOption[]): string[] {
  return Object.entries(settings.backendOptions).map(([name, value]) => {
    if (!findOption(options, name)) unsupported(`the device has no option --${name}`);
    return `--${name}=${value}`;
  });
}

export interface SaneScanArgs {
  device: string;
  settings: ScanSettings;
  options: SaneOption[];
  outDir: string;
  filePrefix: string;
}

/** `scanimage` arguments: one PNG per finished page, its name printed once it is complete. */
export function buildScanArgs({ device, settings, options, outDir, filePrefix }: SaneScanArgs): string[] {
  const resolution = nearestResolution(settings.dpi, findOption(options, 'resolution'));
  return [
    `--device-name=${device}`,
    ...sourceArgs(settings, options),
    ...modeArgs(settings, options),
    ...(resolution !== null ? [`--resolution=${resolution}`] : []),
    ...geometryArgs(settings, options),
    ...backendArgs(settings, options),
    '--format=png',
    `--batch=${path.join(outDir, `${filePrefix}-%04d.png`)}`,
    '--batch-print',
    '--progress',
    // A flatbed has no end of paper: one page per press of "Scan".
    ...(settings.source === 'flatbed' ? ['--batch-count=1'] : []),
  ];
}
