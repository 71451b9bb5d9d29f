import { z } from 'zod';
import { CONTRACT, isChannel, type Result } from '../../shared/contract/index';
import { isAppError, userError } from '../../shared/domain/errors';
import type { Logger } from '../engine/logger';
import { asAppError } from '../engine/faults/classify';
import type { HandlerTable } from './types';

/**
 * The one entry point both hosts call with whatever arrived over IPC or HTTP: validates the input
 * against the contract, runs the handler, validates what it returns, and turns every failure into
 * a typed error value with a Vietnamese message. Never throws, never returns undefined.
 */
export async function invoke(
  table: HandlerTable,
  channel: string,
  input: unknown,
  log: Logger,
): Promise<Result<unknown>> {
  if (!isChannel(channel)) return { ok: false, error: userError('INVALID_INPUT') };
  const handler = table[channel] as ((input: unknown) => unknown) | undefined;
  if (!handler) return { ok: false, error: userError('INVALID_INPUT') };
  const spec = CONTRACT[channel];

  const parsed = (spec.input as z.ZodType).safeParse(input ?? {});
  if (!parsed.success) {
    log.warn(`${channel}: invalid input: ${z.prettifyError(parsed.error).replace(/\s+/g, ' ')}`);
    return { ok: false, error: userError('INVALID_INPUT') };
  }
  try {
    const value = await handler(parsed.data);
    const checked = (spec.output as z.ZodType).safeParse(value);
    if (!checked.success) {
      log.error(
        `${channel}: handler output does not match the contract: ${z.prettifyError(checked.error).replace(/\s+/g, ' ')}`,
      );
      return { ok: false, error: userError('INTERNAL') };
    }
    return { ok: true, value: checked.data };
  } catch (e) {
    if (isAppError(e)) return { ok: false, error: e.toUser() };
    // A full disk, a read-only or damaged archive reach the user by name, not as "unexpected".
    const err = asAppError(e);
    if (err.code === 'INTERNAL') log.error(`${channel}: ${err.stack ?? err.message}`);
    else log.warn(`${channel}: ${err.code}: ${err.message}`);
    return { ok: false, error: err.toUser() };
  }
}
