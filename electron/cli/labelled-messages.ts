// Labelled messages for `eval`: one JSON object a line, {"text": "...", "label": "spam" | "ham"}; other fields are
// ignored, blank lines skipped, every bad line reported as FILE:LINE.
import { z } from 'zod'
import type { LabelledMessage } from '../../shared/signals/evaluation.ts'
import { CliError, visitJsonLines } from './io.ts'

const lineSchema = z.object({ text: z.string(), label: z.enum(['spam', 'ham']) })

export async function readLabelledMessages(path: string): Promise<LabelledMessage[]> {
  const messages: LabelledMessage[] = []
  const errors = await visitJsonLines(path, (value, problem) => {
    const parsed = lineSchema.safeParse(value)
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]?.path[0] ?? '')
      problem(field === 'label' ? '"label" must be "spam" or "ham"' : field === 'text' ? '"text" must be a string' : 'expected {"text": "...", "label": "spam" | "ham"}')
      return
    }
    messages.push(parsed.data)
  })
  if (errors.length) throw new CliError(errors)
  if (messages.length === 0) throw new CliError([`${path}: error: no labelled messages in the file`])
  return messages
}
