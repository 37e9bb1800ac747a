/**
 * The `shopsim` command line. Exit codes: 0 success, 1 invalid input, 2 usage error. Bad input
 * is reported as a message on stderr, never as a stack trace.
 */
import { COMMANDS } from './commands';
import { endQuietlyOnClosedStdout, InputError, UsageError, stdio, type Output } from './io';

function usage(): string {
  const names = Object.keys(COMMANDS);
  const width = Math.max(...names.map((n) => n.length));
  return [
    'Usage: shopsim COMMAND [OPTIONS]',
    '',
    'Commands:',
    ...names.map((n) => `  ${n.padEnd(width)}  ${COMMANDS[n]!.summary}`),
    '',
    'Run "shopsim COMMAND --help" for a command\'s options and examples.',
    '',
    'Examples:',
    '  shopsim run',
    '  shopsim run --json --seed 7',
    '  shopsim validate scenarios/*.json',
    '  shopsim new my-class.json --cities 2 --products 2 --shops 4',
    '  shopsim grade scenarios/classic.json submissions/*.json --seeds 5 --out grades.csv',
    '  shopsim advance scenarios/classic.json --decisions team-a.json --out game-r1.json',
  ].join('\n');
}

/**
 * `--seeds -1` as `--seeds=-1`: Node's parser takes "-1" for an option and says the argument is
 * "ambiguous"; joined, the command itself says what the value must be.
 */
function negativeValuesJoined(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const next = args[i + 1];
    if (a === '--') return [...out, ...args.slice(i)];
    if (/^--[a-z][a-z-]*$/.test(a) && next !== undefined && /^-[\d.]/.test(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

export async function main(argv: string[], io: Output = stdio): Promise<number> {
  if (io === stdio) endQuietlyOnClosedStdout();
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name === undefined ? 2 : 0;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    io.err(`shopsim: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  const command = await entry.load();
  // Every command's --help is answered here, from the command table, before its own parsing.
  const options = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
  if (options.includes('--help') || options.includes('-h')) {
    io.out(command.help);
    return 0;
  }
  try {
    return await command.run(negativeValuesJoined(rest), io);
  } catch (e) {
    if (e instanceof InputError) {
      io.err(e.message);
      return 1;
    }
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`shopsim ${name}: ${(e as Error).message}\n\n${command.help}`);
      return 2;
    }
    io.err(`shopsim ${name}: internal error: ${(e as Error).message}\n(This is a bug in shopsim, not in your files; please report it.)`);
    return 70;
  }
}
