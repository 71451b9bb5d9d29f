import type { ParseArgsConfig } from 'node:util';
import type { Engine } from '../../engine/index';
import type { CliIo } from '../output';
import { importCommand } from './importCommand';
import { listCommand, showCommand } from './documentCommands';
import { searchCommand } from './searchCommand';
import { resumeCommand } from './resumeCommand';
import { backupCommand, restoreCommand, verifyCommand } from './integrityCommands';
import { ocrCommand, pdfCommand } from './ocrCommands';
import { auditCommand, extractCommand, reviewCommand, suggestCommand } from './understandingCommands';
import { consentCommand, requestCommand } from './requestCommands';
import { modelCommand } from './modelCommand';
import { scanCommand } from './scanCommand';
import { agencyCommand, exportCommand } from './exportCommands';
import { runCommand } from './runCommand';
import { confirmCommand, jobsCommand, settingsCommand } from './pipelineCommands';
import { redactCommand } from './redactCommand';

export interface CommandContext {
  io: CliIo;
  json: boolean;
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  dataDir: string;
  /** Opens the archive on first use (restore must not create one). */
  engine: () => Promise<Engine>;
}

export interface Command {
  options: NonNullable<ParseArgsConfig['options']>;
  run: (ctx: CommandContext) => Promise<number>;
}

export const COMMANDS: Record<string, Command> = {
  import: importCommand,
  list: listCommand,
  show: showCommand,
  search: searchCommand,
  verify: verifyCommand,
  backup: backupCommand,
  restore: restoreCommand,
  resume: resumeCommand,
  ocr: ocrCommand,
  pdf: pdfCommand,
  extract: extractCommand,
  suggest: suggestCommand,
  review: reviewCommand,
  audit: auditCommand,
  export: exportCommand,
  agency: agencyCommand,
  run: runCommand,
  request: requestCommand,
  consent: consentCommand,
  model: modelCommand,
  scan: scanCommand,
  settings: settingsCommand,
  jobs: jobsCommand,
  confirm: confirmCommand,
  redact: redactCommand,
};
