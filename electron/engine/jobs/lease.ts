import { randomBytes } from 'node:crypto';
import os from 'node:os';

/**
 * Who holds a job: "<host>/<pid>/<nonce>". A holder is gone when its heartbeat is older than
 * LEASE_TTL_MS, or — at once, without waiting for that — when it ran on this machine and its
 * process no longer exists (a crash or a kill -9 followed by a restart). The nonce tells two
 * engines of one process apart (tests, the preview's second archive).
 */
export const HEARTBEAT_MS = 5_000;
export const LEASE_TTL_MS = 30_000;

const HOST = os.hostname().replace(/\//g, '_');

export function newOwnerId(): string {
  return `${HOST}/${process.pid}/${randomBytes(4).toString('hex')}`;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when the job's holder can no longer be working on it. */
export function ownerGone(owner: string, heartbeatAt: number | null, now = Date.now()): boolean {
  if (heartbeatAt === null || now - heartbeatAt > LEASE_TTL_MS) return true;
  const [host, pid] = owner.split('/');
  const n = Number(pid);
  if (host === HOST && Number.isInteger(n) && n > 0 && n !== process.pid) return !processAlive(n);
  return false;
}
