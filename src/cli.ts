#!/usr/bin/env node
// The command line: argument parsing, exit codes and everything that prints.
// Each command is a function from parsed arguments to an exit code.
import process from 'node:process'
import {parseArgs, type ParseArgsConfig} from 'node:util'

type Command = {
  summary: string
  options: NonNullable<ParseArgsConfig['options']>
  run: (values: Record<string, string | boolean | undefined>, positionals: string[]) => Promise<number>
}

const commands: Record<string, Command> = {}

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`)
  return `Usage: broadsheet <command> [options]\n\nCommands:\n${lines.join('\n')}\n`
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage())
    return name === undefined ? 2 : 0
  }
  const command = commands[name]
  if (!command) {
    process.stderr.write(`broadsheet: unknown command "${name}"\n\n${usage()}`)
    return 2
  }
  let parsed
  try {
    parsed = parseArgs({args: rest, options: command.options, allowPositionals: true, strict: true})
  } catch (error) {
    process.stderr.write(`broadsheet ${name}: ${(error as Error).message}\n`)
    return 2
  }
  return command.run(parsed.values as Record<string, string | boolean | undefined>, parsed.positionals)
}

process.exitCode = await main(process.argv.slice(2))
