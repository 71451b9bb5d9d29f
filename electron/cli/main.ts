import { parseArgs } from 'node:util';
import { asAppError } from '../engine/faults/classify';
import { createEngine, type Engine } from '../engine/index';
import { createLogger } from '../engine/logger';
import { dataPaths, resolveDataDir } from '../engine/archive/dataDir';
import { EXIT, processIo, safeText, UsageError, type CliIo } from './output';
import { USAGE } from './usage';
import { COMMANDS, type CommandContext } from './commands/index';

const GLOBAL_OPTIONS = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  verbose: { type: 'boolean', default: false },
} as const;

/** Runs one CLI invocation and returns its exit code. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [commandName, ...rest] = argv;
  if (!commandName || commandName === '--help' || commandName === '-h' || commandName === 'help') {
    io.out(USAGE);
    return commandName ? EXIT.ok : EXIT.usage;
  }
  const command = COMMANDS[commandName];
  if (!command) {
    io.err(`Lệnh không hợp lệ: ${safeText(commandName)}\n\n${USAGE}`);
    return EXIT.usage;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...GLOBAL_OPTIONS, ...command.options },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    io.err(`Sai cú pháp: ${safeText((e as Error).message)}\n\n${USAGE}`);
    return EXIT.usage;
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values.help) {
    io.out(USAGE);
    return EXIT.ok;
  }
  const dataDir = resolveDataDir(values['data-dir'] as string | undefined);
  const log = createLogger({
    // restore must not create anything in its target (it has to be empty, and a failure leaves nothing).
    ...(commandName === 'restore' ? {} : { folder: dataPaths(dataDir).logs }),
    ...(values.verbose ? { echo: (line: string) => io.err(line + '\n') } : {}),
  });
  let engine: Engine | null = null;
  const ctx: CommandContext = {
    io,
    json: Boolean(values.json),
    values,
    positionals: parsed.positionals,
    dataDir,
    engine: async () => {
      if (!engine) {
        engine = await createEngine({ dataDir, logger: log });
        const health = engine.healthReport();
        // Read-only or damaged: say so once; reading commands go on, changes are refused.
        if (health.message) io.err(`Cảnh báo [${health.code}]: ${health.message}\n`);
      }
      return engine;
    },
  };
  try {
    return await command.run(ctx);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`Sai cú pháp: ${e.message}\n\n${USAGE}`);
      return EXIT.usage;
    }
    // Every error a user sees: a stable code and a Vietnamese message naming what it concerns.
    // The English detail and any stack trace go to the log file, and to stderr only with --verbose.
    const error = asAppError(e, `Lệnh “${commandName}”`);
    const user = error.toUser();
    if (ctx.json) io.out(JSON.stringify({ error: user }) + '\n');
    io.err(`Lỗi [${user.code}]: ${safeText(user.message)}\n`);
    log.error(`${commandName}: ${error.code}: ${error.message}${error.code === 'INTERNAL' && error.stack ? `\n${error.stack}` : ''}`);
    return EXIT.failure;
  } finally {
    if (engine) await (engine as Engine).close();
  }
}
