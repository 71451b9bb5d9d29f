/**
 * SANE through its own command-line frontend, `scanimage` (Debian/Ubuntu `sane-utils`, macOS
 * Homebrew `sane-backends`). Every call is a child process: a hung USB device or network scanner
 * can stall only that process, which cancel or a timeout ends. Network scanners are SANE devices
 * too: `escl:http://ADDRESS:PORT` (the `escl` backend) or whatever `sane-airscan` lists.
 */
import { execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { AppError } from '../../../../shared/domain/errors';
import type { ScanDevice, ScannerDriver, ScanOutcome, ScanRun } from '../types';
import { buildScanArgs } from './saneArgs';
import { capabilitiesFrom, parseSaneOptions, type SaneOption } from './saneOptions';
import { interpretRunEnd, lastProgress, LIST_FORMAT, parseDeviceList } from './saneStatus';

export interface SaneDriverOptions {
  /** The scanimage binary (default: `scanimage` on the PATH, or MINHBACH_SCANIMAGE). */
  scanimage?: string;
  listTimeoutMs?: number;
  /** After Cancel, how long scanimage gets to stop the device before it is killed. */
  cancelGraceMs?: number;
}

interface ExecResult {
  stdout: string;
  stderr: string;
  code: number | null;
}

export class SaneDriver implements ScannerDriver {
  readonly name = 'sane' as const;
  private readonly bin: string;
  private readonly optionsCache = new Map<string, SaneOption[]>();

  constructor(private readonly config: SaneDriverOptions = {}) {
    this.bin = config.scanimage ?? process.env.MINHBACH_SCANIMAGE ?? 'scanimage';
  }

  private exec(args: string[], timeoutMs: number): Promise<ExecResult> {
    return new Promise((resolve, reject) => {
      execFile(this.bin, args, { timeout: timeoutMs, maxBuffer: 8 * 1024 * 1024, killSignal: 'SIGKILL' }, (error, stdout, stderr) => {
        const err = error as (NodeJS.ErrnoException & { code?: string | number; killed?: boolean }) | null;
        if (err?.code === 'ENOENT') return reject(new AppError('SCANNER_SOFTWARE_MISSING', `${this.bin} not found`));
        if (err?.killed) return reject(new AppError('SCANNER_DISCONNECTED', `${this.bin} ${args.join(' ')} timed out`));
        resolve({ stdout, stderr, code: err ? (typeof err.code === 'number' ? err.code : 1) : 0 });
      });
    });
  }

  async listDevices(): Promise<ScanDevice[]> {
    const { stdout } = await this.exec([`--formatted-device-list=${LIST_FORMAT}`], this.config.listTimeoutMs ?? 60_000);
    return parseDeviceList(stdout).map((d) => ({ ...d, driver: 'sane' as const }));
  }

  private async options(device: string): Promise<SaneOption[]> {
    const { stdout, stderr, code } = await this.exec([`--device-name=${device}`, '--all-options'], 60_000);
    const options = parseSaneOptions(stdout);
    if (code !== 0 || options.length === 0) {
      const end = interpretRunEnd({ exitCode: code, signal: null, stderr, pages: 0, cancelled: false });
      throw new AppError(end?.code === 'SCANNER_UNSUPPORTED' ? 'SCANNER_NOT_FOUND' : (end?.code ?? 'SCANNER_NOT_FOUND'), `${device}: ${end?.detail ?? stderr.trim()}`);
    }
    this.optionsCache.set(device, options);
    return options;
  }

  async capabilities(device: string) {
    return capabilitiesFrom(device, await this.options(device));
  }

  async scan(run: ScanRun): Promise<ScanOutcome> {
    const options = this.optionsCache.get(run.device) ?? (await this.options(run.device));
    const args = buildScanArgs({ device: run.device, settings: run.settings, options, outDir: run.outDir, filePrefix: run.filePrefix });
    return new Promise<ScanOutcome>((resolve) => {
      const child = spawn(this.bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      let pages = 0;
      let stderr = '';
      let cancelled = false;
      let killTimer: NodeJS.Timeout | undefined;
      const onAbort = () => {
        cancelled = true;
        // SIGINT lets scanimage call sane_cancel (the feeder stops, the page in flight is dropped);
        // a device that does not answer is killed.
        child.kill('SIGINT');
        killTimer = setTimeout(() => child.kill('SIGKILL'), this.config.cancelGraceMs ?? 8_000);
      };
      if (run.signal.aborted) onAbort();
      else run.signal.addEventListener('abort', onAbort, { once: true });

      createInterface({ input: child.stdout }).on('line', (line) => {
        const file = line.trim();
        if (!file) return;
        pages += 1;
        run.onPage(path.resolve(file));
      });
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (chunk: string) => {
        stderr = (stderr + chunk).slice(-64 * 1024);
        const percent = lastProgress(chunk);
        if (percent !== null) run.onProgress(percent);
      });
      child.once('error', (e: NodeJS.ErrnoException) => {
        clearTimeout(killTimer);
        resolve({
          ok: false,
          pages,
          code: e.code === 'ENOENT' ? 'SCANNER_SOFTWARE_MISSING' : 'SCANNER_FAILED',
          detail: `${this.bin}: ${e.message}`,
        });
      });
      child.once('close', (exitCode, signal) => {
        clearTimeout(killTimer);
        run.signal.removeEventListener('abort', onAbort);
        const problem = interpretRunEnd({ exitCode, signal, stderr, pages, cancelled });
        resolve(problem ? { ok: false, pages, ...problem } : { ok: true, pages });
      });
    });
  }
}
