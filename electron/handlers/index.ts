/** The handler table shared by Electron main and the browser preview: one file per domain, each
 *  binding contract channels to engine calls. */
import { channelsFor } from '../../shared/contract/index';
import { agencyHandlers } from './agency';
import { appHandlers } from './app';
import { catalogueHandlers } from './catalogue';
import { documentHandlers } from './documents';
import { importHandlers } from './importing';
import { jobHandlers } from './jobs';
import { ocrHandlers } from './ocr';
import { reviewHandlers } from './review';
import { settingsHandlers } from './settings';
import { requestHandlers } from './requests';
import { modelHandlers } from './model';
import { scanningHandlers } from './scanning';
import { redactionHandlers } from './redaction';
import type { HandlerContext, HandlerTable } from './types';

export function createHandlers(ctx: HandlerContext): HandlerTable {
  const table: HandlerTable = {
    ...documentHandlers(ctx),
    ...importHandlers(ctx),
    ...jobHandlers(ctx),
    ...ocrHandlers(ctx),
    ...reviewHandlers(ctx),
    ...catalogueHandlers(ctx),
    ...settingsHandlers(ctx),
    ...appHandlers(ctx),
    ...requestHandlers(ctx),
    ...modelHandlers(ctx),
    ...scanningHandlers(ctx),
    ...agencyHandlers(ctx),
    ...redactionHandlers(ctx),
  };
  const missing = channelsFor(ctx.host).filter((c) => !table[c]);
  if (missing.length > 0) throw new Error(`channels without a handler on ${ctx.host}: ${missing.join(', ')}`);
  return table;
}

export { invoke } from './invoke';
export type { HandlerContext, HandlerTable } from './types';
