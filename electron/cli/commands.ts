// The command table and the dispatcher. A command is a module exporting `(argv, io) => Promise<exit code>`, loaded
// only when it runs (the rule engine pulls in pinyin and Chinese conversion tables that `--help` does not need).
import { CliError, type CliIo } from './io.ts'

export type CommandRunner = (argv: readonly string[], io: CliIo) => Promise<number>

interface CommandEntry {
  summary: string
  load(): Promise<CommandRunner>
}

const COMMANDS: Record<string, CommandEntry> = {
  check: {
    summary: 'which rules match each message of a JSONL file',
    load: async () => (await import('./check.ts')).runCheckCommand,
  },
  import: {
    summary: "convert the old wx-bot tool's .txt keyword file to a YAML or JSON rules file",
    load: async () => (await import('./import.ts')).runImportCommand,
  },
  simulate: {
    summary: 'rehearse a rules file on a scripted group chat through the real guard and a simulated WeChat',
    load: async () => (await import('./simulate.ts')).runSimulateCommand,
  },
  eval: {
    summary: "the spam classifier's precision, recall and F1 on labelled messages",
    load: async () => (await import('./eval.ts')).runEvalCommand,
  },
  restore: {
    summary: 'put a backup in place of the database (QunGuard stopped; the current database is kept aside)',
    load: async () => (await import('./restore.ts')).runRestoreCommand,
  },
  'starter-rules': {
    summary: 'print the rules a new installation starts with, as YAML or JSON',
    load: async () => (await import('./starter-rules.ts')).runStarterRulesCommand,
  },
  // A new command is one entry here, pointing at a module that exports its CommandRunner.
}

export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length))
  const lines = Object.entries(COMMANDS).map(([name, entry]) => `  ${name.padEnd(width)}  ${entry.summary}`)
  return ['usage: npm run -s cli -- <command> [options]', '', 'commands:', ...lines, '', 'npm run -s cli -- <command> --help  shows a command\'s options.'].join('\n')
}

/** Runs one command line; returns the exit status (0 done, 1 internal failure, 2 bad usage or bad input). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(`${usage()}\n`)
    return 0
  }
  const entry = name === undefined ? undefined : Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined
  if (!entry) {
    io.stderr.write(`${name === undefined ? 'error: no command given' : `error: unknown command "${name}"`}\n\n${usage()}\n`)
    return 2
  }
  try {
    return await (await entry.load())(rest, io)
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr.write(`${error.lines.join('\n')}\n`)
      return error.exitCode
    }
    io.stderr.write(`internal error: ${(error as Error).stack ?? String(error)}\n`)
    return 1
  }
}
