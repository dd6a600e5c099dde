// `npm run bench` runs every part; `npm run bench -- rules` only the named ones. Each part prints its figures as it
// goes; the last line is one JSON object with every part's figures under its name, for scripts to read.
//
// A part is a module exporting `(log) => Promise<figures>`; add one to PARTS. The bench is never part of the tests.
type BenchPart = (log: (line: string) => void) => Promise<Record<string, unknown>>

/** `only`: run when named, not by a bare `npm run bench` (the soak takes ten minutes). */
const PARTS: Record<string, { summary: string; only?: boolean; load(): Promise<BenchPart> }> = {
  rules: {
    summary: 'rule engine throughput against naive includes, mint-filter and a raw Aho-Corasick scan',
    load: async () => (await import('./rules.ts')).runRulesBench,
  },
  'rules-save': {
    summary: 'the longest event-loop stall while saving 16,000 regex rules: compiled in slices against at once',
    load: async () => (await import('./rules-save.ts')).runRulesSaveBench,
  },
  guard: {
    summary: 'message-to-decision latency and 1,000 messages/s sustained through Wechaty, the guard and SQLite',
    load: async () => (await import('./guard.ts')).runGuardBench,
  },
  soak: {
    summary: 'the whole service under 1,000 messages/s across 300 groups for 10 minutes (BENCH_SECONDS): memory, loss, latency; only when named',
    only: true,
    load: async () => (await import('./soak.ts')).runSoakBench,
  },
  images: {
    summary: 'QR codes read in 1280 px photos, through the worker thread and on this thread',
    load: async () => (await import('./images.ts')).runImagesBench,
  },
  window: {
    summary: 'the live tester (compile after an edit, explain per keystroke) and the backtest over 100,000 stored messages',
    load: async () => (await import('./window.ts')).runWindowBench,
  },
  voice: {
    summary: 'SILK and MP3 decoding per second of audio, and text-message p99 latency while voice messages arrive',
    load: async () => (await import('./voice.ts')).runVoiceBench,
  },
  signals: {
    summary: 'classifier training on 50,000 messages, scoring per message, the engine with the classifier on, the simulated rep',
    load: async () => (await import('./signals.ts')).runSignalsBench,
  },
  team: {
    summary: 'team mode on PostgreSQL: propagation to 200 reps, a 1,000,000-entry bootstrap, concurrent writers losing nothing',
    load: async () => (await import('./team.ts')).runTeamBench,
  },
}

function usage(): string {
  return [`usage: npm run bench [-- PART...]`, '', 'parts:', ...Object.entries(PARTS).map(([name, part]) => `  ${name}  ${part.summary}`)].join('\n')
}

const requested = process.argv.slice(2)
if (requested.includes('--help') || requested.includes('-h')) {
  console.log(usage())
} else {
  const unknown = requested.filter((name) => !Object.hasOwn(PARTS, name))
  if (unknown.length) {
    console.error(`unknown bench part: ${unknown.join(', ')}\n\n${usage()}`)
    process.exitCode = 2
  } else {
    const results: Record<string, unknown> = {}
    for (const name of requested.length ? requested : Object.keys(PARTS).filter((part) => !PARTS[part]!.only)) {
      results[name] = await (await PARTS[name]!.load())((line) => console.log(line))
    }
    console.log(JSON.stringify(results))
  }
}
