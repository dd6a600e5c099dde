// `check`: which rules of a rules file match each test message, one JSON line per message, so that a rep (or CI)
// can try a rule change on real chat before it reaches a group.
import type { CompiledRuleSet } from '../../shared/rules/index.ts'
import { parseCommandArgs, usageError } from './args.ts'
import { writeLines, type CliIo } from './io.ts'
import { loadRules } from './load-rules.ts'
import { readMessages, type TestMessage } from './messages.ts'

export const CHECK_USAGE = `usage: npm run -s cli -- check --rules FILE --messages FILE.jsonl [--explain]

  --rules FILE        rules file: .json, .yaml/.yml, or the old wx-bot tool's .txt
  --messages FILE     one JSON object a line: {"id": 1, "text": "..."}; optional "groupId", "groupTopic",
                      "kinds" (e.g. ["link"]) tell the rules what the guard would know about the message
  --explain           also print the compact text and, for each matched rule, the terms that matched and
                      where they are in the original text (UTF-16 offsets, end exclusive)

Prints one JSON line a message: {"id": ..., "matched": [rule names in file order]}.
Exit status: 0 done, 2 bad rules file (FILE:LINE:COLUMN: error: ... on stderr, nothing on stdout) or bad input.`

export async function runCheckCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(argv, { rules: { type: 'string' }, messages: { type: 'string' }, explain: { type: 'boolean' } }, CHECK_USAGE)
  if (values.help) {
    io.stdout.write(`${CHECK_USAGE}\n`)
    return 0
  }
  if (values.rules === undefined) throw usageError('--rules FILE is required', CHECK_USAGE)
  if (values.messages === undefined) throw usageError('--messages FILE.jsonl is required', CHECK_USAGE)

  const { set } = await loadRules(values.rules, io)
  const messages = await readMessages(values.messages)
  const resultOf = values.explain ? explained : matchedOnly
  writeLines(io.stdout, messages.map((message) => JSON.stringify(resultOf(set, message))))
  return 0
}

function matchedOnly(set: CompiledRuleSet, { id, text, context }: TestMessage): object {
  return { id, matched: set.match(text, context) }
}

function explained(set: CompiledRuleSet, { id, text, context }: TestMessage): object {
  const { compact, matched } = set.explain(text, context)
  return {
    id,
    matched: matched.map((rule) => rule.name),
    compact,
    hits: matched.flatMap((rule) => rule.hits.map((hit) => ({ rule: rule.name, ...hit, text: text.slice(hit.start, hit.end) }))),
  }
}
