// `npm run bench` runs every part; `npm run bench -- rules` only the named ones. Each part prints its figures as it
// goes; the last line is one JSON object with every part's figures under its name, for scripts to read.
//
// A part is a module exporting `(log) => Promise<figures>`; add one to PARTS. The bench is never part of the tests.
type BenchPart = (log: (line: string) => void) => Promise<Record<string, unknown>>

const PARTS: Record<string, { summary: string; load(): Promise<BenchPart> }> = {
  rules: {
    summary: 'rule engine throughput against naive includes, mint-filter and a raw Aho-Corasick scan',
    load: async () => (await import('./rules.ts')).runRulesBench,
  },
  guard: {
    summary: 'message-to-decision latency and 1,000 messages/s sustained through Wechaty, the guard and SQLite',
    load: async () => (await import('./guard.ts')).runGuardBench,
  },
  window: {
    summary: 'the live tester (compile after an edit, explain per keystroke) and the backtest over 100,000 stored messages',
    load: async () => (await import('./window.ts')).runWindowBench,
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
    for (const name of requested.length ? requested : Object.keys(PARTS)) {
      results[name] = await (await PARTS[name]!.load())((line) => console.log(line))
    }
    console.log(JSON.stringify(results))
  }
}
