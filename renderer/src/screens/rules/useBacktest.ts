import { useState } from 'react'
import type { BacktestResult } from '../../../../shared/api/types.ts'
import type { Rule } from '../../../../shared/rules/types.ts'
import { useApi, useApiEvent } from '../../api/ApiProvider.tsx'
import { useCommand } from '../../components/useCommand.ts'

export interface Backtest {
  run: () => void
  running: boolean
  progress: { done: number; total: number } | null
  result: BacktestResult | null
  /** Whether the result is for exactly the rules given now, not for an earlier edit of them. */
  fresh: boolean
}

/** Replays stored history through `rules` (the edited set) and compares with what the saved rules did. */
export function useBacktest(rules: readonly Rule[]): Backtest {
  const api = useApi()
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)
  const [outcome, setOutcome] = useState<{ rules: readonly Rule[]; result: BacktestResult } | null>(null)
  const command = useCommand((tested: readonly Rule[]) => api.backtest({ rules: [...tested] }), {})

  useApiEvent((event) => {
    if (event.type === 'backtest' && command.busy) setProgress({ done: event.done, total: event.total })
  })

  const run = () => {
    setProgress(null)
    const tested = rules
    void command.run(tested).then((result) => {
      if (result) setOutcome({ rules: tested, result })
    })
  }

  return { run, running: command.busy, progress, result: outcome?.result ?? null, fresh: outcome?.rules === rules }
}
