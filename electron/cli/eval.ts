// `eval`: how well the classifier tells marketing from chat. With --data it trains on one part of the file and scores
// the rest; with --test it scores the shipped starter model (or, with --train, a model trained on another file) on a
// file it has never seen; with neither, the starter model on its own held-out split.
import { corpusSplit } from '../../shared/signals/corpus/generate.ts'
import { describeEvaluation, evaluateModel, splitByText, type LabelledMessage } from '../../shared/signals/evaluation.ts'
import { NaiveBayes } from '../../shared/signals/naive-bayes.ts'
import { featuresOf } from '../../shared/signals/ngrams.ts'
import { trainStarterModel } from '../../shared/signals/training.ts'
import { DEFAULT_SETTINGS } from '../../shared/policy/settings.ts'
import { parseCommandArgs, usageError } from './args.ts'
import { writeLines, type CliIo } from './io.ts'
import { readLabelledMessages } from './labelled-messages.ts'

export const EVAL_USAGE = `usage: npm run -s cli -- eval [--data FILE.jsonl | --test FILE.jsonl [--train FILE.jsonl]] [--threshold N]

  --data FILE       train on about 80% of the file (chosen by a hash of each text, the same every run), score the rest
  --test FILE       score the shipped starter model on this file
  --train FILE      with --test: score a model trained on this file instead of the starter model
  --threshold N     score at or above which a message counts as spam (default ${DEFAULT_SETTINGS.spamAlertThreshold}, the alert threshold)
  (none)            the starter model on the starter corpus's held-out families

Files: one JSON object a line, {"text": "...", "label": "spam" | "ham"}.
Prints precision, recall, F1 and a confusion table; the last line is one JSON object with the figures and counts.`

const TEST_SHARE = 0.2

function trainOn(messages: readonly LabelledMessage[]): NaiveBayes {
  return NaiveBayes.train(messages.map(({ text, label }) => ({ features: featuresOf(text), label, weight: 1 })))
}

export async function runEvalCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(
    argv,
    { data: { type: 'string' }, test: { type: 'string' }, train: { type: 'string' }, threshold: { type: 'string' } },
    EVAL_USAGE,
  )
  if (values.help) {
    io.stdout.write(`${EVAL_USAGE}\n`)
    return 0
  }
  if (values.data !== undefined && (values.test !== undefined || values.train !== undefined)) {
    throw usageError('--data trains and tests on one file: it does not combine with --test or --train', EVAL_USAGE)
  }
  if (values.train !== undefined && values.test === undefined) throw usageError('--train needs --test FILE.jsonl to score on', EVAL_USAGE)
  const threshold = values.threshold === undefined ? DEFAULT_SETTINGS.spamAlertThreshold : Number(values.threshold)
  if (!Number.isFinite(threshold) || threshold <= 0 || threshold >= 1) {
    throw usageError(`--threshold must be a number between 0 and 1 (exclusive), not "${values.threshold}"`, EVAL_USAGE)
  }

  let model: NaiveBayes
  let test: LabelledMessage[]
  let trained: number
  let source: string
  if (values.data !== undefined) {
    const split = splitByText(await readLabelledMessages(values.data), TEST_SHARE)
    if (split.train.length === 0 || split.test.length === 0) throw usageError(`${values.data} has too few messages to split`, EVAL_USAGE)
    model = trainOn(split.train)
    ;({ test } = split)
    trained = split.train.length
    source = `trained on ${trained} messages of ${values.data}, scored on the other ${test.length}`
  } else if (values.test !== undefined) {
    test = await readLabelledMessages(values.test)
    const training = values.train === undefined ? null : await readLabelledMessages(values.train)
    model = training ? trainOn(training) : trainStarterModel()
    trained = training ? training.length : corpusSplit('train').length
    source = training ? `trained on ${values.train}, scored on ${values.test}` : `the starter model, scored on ${values.test}`
  } else {
    model = trainStarterModel()
    test = corpusSplit('heldout')
    trained = corpusSplit('train').length
    source = "the starter model, scored on the starter corpus's held-out template families"
  }

  const figures = evaluateModel(model, test, threshold)
  writeLines(io.stdout, [source, `threshold ${threshold}`, ...describeEvaluation(figures)])
  io.stdout.write(`${JSON.stringify({ ...figures, threshold, trained, tested: test.length })}\n`)
  return 0
}
