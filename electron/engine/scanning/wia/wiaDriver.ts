/**
 * Windows: WIA through resources/scanning/wia-scan.ps1, run by powershell.exe as a child
 * process (like scanimage on Linux), one JSON line per event. Not run on the Linux CI: its
 * command line and its output parsing are unit-tested (wiaProtocol.ts).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { AppError } from '../../../../shared/domain/errors';
import { resourcePath } from '../../resourcesDir';
import type { ScannerDriver, ScanOutcome, ScanRun } from '../types';
import { buildWiaArgs, capabilitiesFromWia, devicesFrom, parseWiaLine, wiaErrorCode, type WiaAction, type WiaEvent } from './wiaProtocol';

export class WiaDriver implements ScannerDriver {
  readonly name = 'wia' as const;

  constructor(
    private readonly script = resourcePath('scanning', 'wia-scan.ps1'),
    private readonly powershell = 'powershell.exe',
  ) {}

  private run(request: WiaAction, onEvent: (e: WiaEvent) => void, signal?: AbortSignal): Promise<{ exitCode: number | null; cancelled: boolean }> {
    return new Promise((resolve, reject) => {
      const child = spawn(this.powershell, buildWiaArgs(this.script, request), { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
      let cancelled = false;
      const onAbort = () => {
        cancelled = true;
        child.kill();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      createInterface({ input: child.stdout }).on('line', (line) => {
        const event = parseWiaLine(line);
        if (event) onEvent(event);
      });
      child.stderr.resume();
      child.once('error', (e: NodeJS.ErrnoException) =>
        reject(new AppError(e.code === 'ENOENT' ? 'SCANNER_SOFTWARE_MISSING' : 'SCANNER_FAILED', e.message)),
      );
      child.once('close', (exitCode) => {
        signal?.removeEventListener('abort', onAbort);
        resolve({ exitCode, cancelled });
      });
    });
  }

  private async collect(request: WiaAction): Promise<WiaEvent[]> {
    const events: WiaEvent[] = [];
    await this.run(request, (e) => events.push(e));
    const error = events.find((e) => e.event === 'error');
    if (error) throw new AppError(wiaErrorCode(error.hresult), error.message);
    return events;
  }

  async listDevices() {
    return devicesFrom(await this.collect({ action: 'list' }));
  }

  async capabilities(device: string) {
    const caps = (await this.collect({ action: 'capabilities', device })).find((e) => e.event === 'capabilities');
    if (!caps || caps.event !== 'capabilities') throw new AppError('SCANNER_NOT_FOUND', device);
    return capabilitiesFromWia(device, caps);
  }

  async scan(run: ScanRun): Promise<ScanOutcome> {
    let pages = 0;
    let error: Extract<WiaEvent, { event: 'error' }> | null = null;
    const end = await this.run(
      { action: 'scan', device: run.device, settings: run.settings, outDir: run.outDir, filePrefix: run.filePrefix },
      (e) => {
        if (e.event === 'page') {
          pages += 1;
          run.onPage(path.resolve(e.file));
        } else if (e.event === 'error') error = e;
      },
      run.signal,
    );
    if (end.cancelled) return { ok: false, pages, code: 'SCANNER_CANCELLED', detail: 'cancelled' };
    if (error) {
      const e = error as Extract<WiaEvent, { event: 'error' }>;
      return { ok: false, pages, code: wiaErrorCode(e.hresult), detail: `${e.hresult} ${e.message}` };
    }
    if (end.exitCode !== 0) return { ok: false, pages, code: 'SCANNER_FAILED', detail: `powershell exit ${end.exitCode}` };
    return { ok: true, pages };
  }
}
