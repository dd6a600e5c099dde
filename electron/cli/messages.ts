// Test messages as JSON lines: `{"id": ..., "text": ...}` a line, optionally with what the guard would tell the
// engine about the message (group, kinds); other fields are ignored, blank lines skipped.
import { z } from 'zod'
import { MESSAGE_KINDS, type MessageContext } from '../../shared/rules/index.ts'
import { CliError, visitJsonLines } from './io.ts'

export interface TestMessage {
  /** Echoed back as it was written: a string or a number. */
  id: string | number
  text: string
  context: MessageContext
}

const messageSchema = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
  groupId: z.string().optional(),
  groupTopic: z.string().optional(),
  kinds: z.array(z.enum(MESSAGE_KINDS)).optional(),
})

const FIELD_EXPECTATIONS: Record<string, string> = {
  id: 'a string or a number',
  text: 'a string',
  groupId: 'a string',
  groupTopic: 'a string',
  kinds: `a list of message kinds (${MESSAGE_KINDS.join(', ')})`,
}

/** Every message of a JSONL file; every malformed line is reported (`FILE:LINE: error: ...`) in one CliError. */
export async function readMessages(path: string): Promise<TestMessage[]> {
  const messages: TestMessage[] = []
  const errors = await visitJsonLines(path, (value, problem) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problem('expected a JSON object like {"id": 1, "text": "..."}')
      return
    }
    const parsed = messageSchema.safeParse(value)
    if (!parsed.success) {
      const fields = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0])))]
      for (const field of fields) problem(Object.hasOwn(value, field) ? `"${field}" must be ${FIELD_EXPECTATIONS[field]}` : `missing "${field}"`)
      return
    }
    const { id, text, ...context } = parsed.data
    messages.push({ id, text, context })
  })
  if (errors.length) throw new CliError(errors)
  return messages
}
