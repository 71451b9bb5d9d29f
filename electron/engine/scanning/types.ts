import type { DeviceCapabilities, ScanDevice, ScanSettings } from '../../../shared/contract/scanning';
import type { ErrorCode } from '../../../shared/domain/errors';

export type { DeviceCapabilities, ScanDevice, ScanSettings };

/** One scan run: the device writes each finished page into `outDir` under `filePrefix`. */
export interface ScanRun {
  device: string;
  settings: ScanSettings;
  capabilities: DeviceCapabilities;
  outDir: string;
  /** File names start with this (the run number), so runs of one batch sort in scan order. */
  filePrefix: string;
  signal: AbortSignal;
  /** A page is complete on disk (the file is only renamed into place once whole). */
  onPage: (file: string) => void;
  /** Progress of the page being scanned, 0..100. */
  onProgress: (percent: number) => void;
}

/** How a run ended. Pages already written stay where they are in every case. */
export type ScanOutcome = { ok: true; pages: number } | { ok: false; pages: number; code: ErrorCode; detail: string };

/**
 * A system's scanner API behind one interface. Drivers run the scan in a child process, never in
 * the thread that serves the UI.
 */
export interface ScannerDriver {
  readonly name: 'sane' | 'wia';
  listDevices(): Promise<ScanDevice[]>;
  capabilities(device: string): Promise<DeviceCapabilities>;
  scan(run: ScanRun): Promise<ScanOutcome>;
}
