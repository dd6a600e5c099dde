// The statistics' chart options, built from the service's numbers: pure, so the screen only picks which to show.
import type { Stats } from '../../../../shared/api/types.ts'
import type { MessageKey, Translate } from '../../i18n/index.tsx'
import type { ChartOption } from '../../components/EChart.tsx'

export type Series = 'warnings' | 'removals' | 'alerts'

export const SERIES: { key: Series; color: string; label: MessageKey }[] = [
  { key: 'warnings', color: '#fa8c16', label: 'stats.warnings' },
  { key: 'removals', color: '#f5222d', label: 'stats.removals' },
  { key: 'alerts', color: '#1677ff', label: 'stats.alerts' },
]

/** Most groups or rules a breakdown shows; the tables below list them all. */
const TOP = 10

const TOOLTIP = { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true } as const

/** Stacked bars per day, with a tooltip naming the day's numbers. */
export function dailyOption(days: Stats['days'], t: Translate): ChartOption {
  return {
    color: SERIES.map((series) => series.color),
    tooltip: TOOLTIP,
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: days.map((day) => day.day.slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: SERIES.map((series) => ({ type: 'bar', stack: 'total', name: t(series.label), data: days.map((day) => day[series.key]), barMaxWidth: 32 })),
  }
}

/** The busiest groups: horizontal stacked bars, the busiest on top. */
export function groupsOption(groups: Stats['groups'], t: Translate): ChartOption {
  const top = groups.slice(0, TOP).reverse()
  return {
    color: SERIES.map((series) => series.color),
    tooltip: TOOLTIP,
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: top.map((group) => group.topic), axisLabel: { width: 120, overflow: 'truncate' } },
    series: SERIES.map((series) => ({ type: 'bar', stack: 'total', name: t(series.label), data: top.map((group) => group[series.key]), barMaxWidth: 20 })),
  }
}

/** Hits per rule, the most on top. */
export function rulesOption(rules: Stats['rules'], t: Translate): ChartOption {
  const top = rules.filter((rule) => rule.hits > 0).slice(0, TOP).reverse()
  return {
    color: ['#07a35a'],
    tooltip: TOOLTIP,
    grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: top.map((rule) => rule.rule), axisLabel: { width: 120, overflow: 'truncate' } },
    series: [{ type: 'bar', name: t('stats.hits'), data: top.map((rule) => rule.hits), barMaxWidth: 20 }],
  }
}

const SIGNAL_LABELS: Record<string, MessageKey> = {
  word: 'stats.signal.word',
  phrase: 'stats.signal.phrase',
  sounds: 'stats.signal.sounds',
  regex: 'stats.signal.regex',
  kind: 'stats.signal.kind',
}

/** What caught the hits: keywords, sound-alikes, patterns, message kinds (a signal other parts add is named as is). */
export function signalsOption(signals: Stats['signals'], t: Translate): ChartOption {
  return {
    tooltip: { trigger: 'item', confine: true, formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0, type: 'scroll' },
    series: [
      {
        type: 'pie',
        radius: ['40%', '68%'],
        center: ['50%', '45%'],
        label: { formatter: '{b}\n{c}' },
        data: signals.map((entry) => ({ name: SIGNAL_LABELS[entry.signal] ? t(SIGNAL_LABELS[entry.signal]!) : entry.signal, value: entry.hits })),
      },
    ],
  }
}
