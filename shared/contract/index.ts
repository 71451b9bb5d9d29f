/**
 * The IPC contract: every channel once, with its zod input and output and the hosts that bind it
 * (`electron` = the desktop app only, `preview` = the browser preview only, `all` = both).
 * Main, the preview server, the preload and the renderer client are all typed from this table.
 */
import type { z } from 'zod';
import { agency } from './agency';
import { app } from './app';
import { catalogue } from './catalogue';
import { documents } from './documents';
import { importing } from './importing';
import { jobs } from './jobs';
import { ocr } from './ocr';
import { review } from './review';
import { settings } from './settings';
import { requests } from './requests';
import { model } from './model';
import { scanning } from './scanning';
import { redaction } from './redaction';

export const CONTRACT = {
  ...documents,
  ...importing,
  ...jobs,
  ...ocr,
  ...review,
  ...catalogue,
  ...settings,
  ...app,
  ...requests,
  ...model,
  ...scanning,
  ...agency,
  ...redaction,
} as const;

export type Contract = typeof CONTRACT;
export type Channel = keyof Contract;
export type Host = 'electron' | 'preview';
/** What the caller passes (defaults may be left out). */
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
/** What the handler receives after parsing (defaults filled in). */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;

export const CHANNELS = Object.keys(CONTRACT) as Channel[];

export function channelsFor(host: Host): Channel[] {
  return CHANNELS.filter((c) => {
    const hosts: string = CONTRACT[c].hosts;
    return hosts === 'all' || hosts === host;
  });
}

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(CONTRACT, name);
}

export type { Result, ResultError } from './result';
export { JOB_PROGRESS_EVENT, type JobProgress } from './jobs';
