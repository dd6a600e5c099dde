// Labelled messages for `eval`: one JSON object a line, {"text": "...", "label": "spam" | "ham"}; other fields are
// ignored, blank lines skipped, every bad line reported as FILE:LINE.
import { z } from 'zod'
import type { LabelledMessage } from '../../shared/signals/evaluation.ts'
import { CliError, readTextFile } from './io.ts'

const lineSchema = z.object({ text: z.string(), label: z.enum(['spam', 'ham']) })

export async function readLabelledMessages(path: string): Promise<LabelledMessage[]> {
  const messages: LabelledMessage[] = []
  const errors: string[] = []
  ;(await readTextFile(path)).split(/\r?\n/u).forEach((line, index) => {
    if (line.trim() === '') return
    const problem = (message: string) => errors.push(`${path}:${index + 1}: error: ${message}`)
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch (error) {
      problem(`not valid JSON (${(error as Error).message})`)
      return
    }
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
