/**
 * The Windows driver's two pure halves, unit-tested here (the PowerShell script itself can only
 * run on Windows): the powershell.exe command line, and the JSON lines the script prints.
 */
import type { DeviceCapabilities, ScanDevice, ScanSettings } from '../types';
import type { ErrorCode } from '../../../../shared/domain/errors';
import { PAGE_MM } from '../sane/saneArgs';

export type WiaAction =
  | { action: 'list' }
  | { action: 'capabilities'; device: string }
  | { action: 'scan'; device: string; settings: ScanSettings; outDir: string; filePrefix: string };

const COLOUR = { grey: 'Grey', colour: 'Colour', lineart: 'Lineart' } as const;

/** Arguments for powershell.exe. Values are separate argv entries: no shell ever parses them. */
export function buildWiaArgs(script: string, request: WiaAction): string[] {
  const args = ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', script, '-Action', request.action];
  if (request.action === 'list') return args;
  args.push('-DeviceId', request.device);
  if (request.action === 'capabilities') return args;
  const { settings } = request;
  args.push('-Source', settings.source === 'flatbed' ? 'Flatbed' : 'Feeder');
  if (settings.duplex && settings.source === 'adf') args.push('-Duplex');
  args.push('-Dpi', String(settings.dpi), '-Colour', COLOUR[settings.colour], '-OutDir', request.outDir, '-Prefix', request.filePrefix);
  if (settings.pageSize !== 'max') {
    const [w, h] = PAGE_MM[settings.pageSize];
    args.push('-WidthMm', String(w), '-HeightMm', String(h));
  }
  return args;
}

export type WiaEvent =
  | { event: 'device'; id: string; vendor: string; model: string; type: string }
  | { event: 'capabilities'; handling: number; resolutions: number[]; min: number | null; max: number | null }
  | { event: 'page'; file: string }
  | { event: 'error'; hresult: string; message: string }
  | { event: 'done'; pages: number };

/** One stdout line → an event, or null for anything else (PowerShell warnings, blank lines). */
export function parseWiaLine(line: string): WiaEvent | null {
  const text = line.trim();
  if (!text.startsWith('{')) return null;
  try {
    const value = JSON.parse(text) as { event?: unknown };
    if (typeof value.event !== 'string') return null;
    if (value.event === 'page' && typeof (value as { file?: unknown }).file !== 'string') return null;
    return value as WiaEvent;
  } catch {
    return null;
  }
}

/** WIA HRESULTs (wiadef.h, winerror.h) → our codes. */
const HRESULTS: Record<string, ErrorCode> = {
  '0x80210002': 'SCANNER_JAMMED', // WIA_ERROR_PAPER_JAM
  '0x80210003': 'SCANNER_NO_PAPER', // WIA_ERROR_PAPER_EMPTY
  '0x80210004': 'SCANNER_JAMMED', // WIA_ERROR_PAPER_PROBLEM
  '0x80210005': 'SCANNER_DISCONNECTED', // WIA_ERROR_OFFLINE
  '0x80210006': 'SCANNER_BUSY', // WIA_ERROR_BUSY
  '0x80210007': 'SCANNER_BUSY', // WIA_ERROR_WARMING_UP
  '0x8021000A': 'SCANNER_DISCONNECTED', // WIA_ERROR_DEVICE_COMMUNICATION
  '0x8021000C': 'SCANNER_UNSUPPORTED', // WIA_ERROR_INCORRECT_HARDWARE_SETTING
  '0x8021000D': 'SCANNER_BUSY', // WIA_ERROR_DEVICE_LOCKED
  '0x80210015': 'SCANNER_NOT_FOUND', // WIA_S_NO_DEVICE_AVAILABLE
  '0x80210016': 'SCANNER_COVER_OPEN', // WIA_ERROR_COVER_OPEN
  '0x80210017': 'SCANNER_DISCONNECTED', // WIA_ERROR_LAMP_OFF
  '0x80070005': 'SCANNER_ACCESS_DENIED', // E_ACCESSDENIED
  '0x80040154': 'SCANNER_SOFTWARE_MISSING', // REGDB_E_CLASSNOTREG: no WIA automation library
  '0x800704C7': 'SCANNER_CANCELLED', // ERROR_CANCELLED
  '0x80070057': 'SCANNER_UNSUPPORTED', // E_INVALIDARG: a property value the driver refuses
};

export function wiaErrorCode(hresult: string): ErrorCode {
  return HRESULTS[hresult.toUpperCase().replace(/^0X/, '0x')] ?? 'SCANNER_FAILED';
}

export function devicesFrom(events: WiaEvent[]): ScanDevice[] {
  return events.flatMap((e) =>
    e.event === 'device' ? [{ id: e.id, vendor: e.vendor, model: e.model, type: e.type, driver: 'wia' as const }] : [],
  );
}

/** WIA_DPS_DOCUMENT_HANDLING_CAPABILITIES bits: FEED 1, FLAT 2, DUP 4. */
export function capabilitiesFromWia(device: string, e: Extract<WiaEvent, { event: 'capabilities' }>): DeviceCapabilities {
  const sources: DeviceCapabilities['sources'] = [];
  if (e.handling & 2) sources.push('flatbed');
  if (e.handling & 1) sources.push('adf');
  return {
    device,
    sources,
    duplex: (e.handling & 4) !== 0,
    colourModes: ['grey', 'colour', 'lineart'],
    resolutions: e.resolutions,
    resolutionRange: e.min !== null && e.max !== null ? { min: e.min, max: e.max } : null,
    maxWidthMm: null,
    maxHeightMm: null,
    optionNames: [],
  };
}
