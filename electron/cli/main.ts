import { parseArgs } from 'node:util';
import { isAppError } from '../../shared/domain/errors';
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
  let engine: Engine | null = null;
  const ctx: CommandContext = {
    io,
    json: Boolean(values.json),
    values,
    positionals: parsed.positionals,
    dataDir,
    engine: async () => {
      engine ??= await createEngine({
        dataDir,
        logger: createLogger({
          folder: dataPaths(dataDir).logs,
          ...(values.verbose ? { echo: (line: string) => io.err(line + '\n') } : {}),
        }),
      });
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
    if (isAppError(e)) {
      const user = e.toUser();
      if (ctx.json) io.out(JSON.stringify({ error: user }) + '\n');
      io.err(`Lỗi [${user.code}]: ${user.message}\n`);
      io.err(`error: ${safeText(e.message)}\n`);
      return EXIT.failure;
    }
    io.err(`Lỗi không mong muốn: ${safeText((e as Error).message ?? String(e))}\n`);
    io.err(`${safeText((e as Error).stack ?? '')}\n`);
    return EXIT.failure;
  } finally {
    if (engine) await (engine as Engine).close();
  }
}
