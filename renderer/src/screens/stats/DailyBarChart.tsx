import type { Stats } from '../../../../shared/api/types.ts'
import { useT, type MessageKey } from '../../i18n/index.tsx'
import { useElementWidth } from './useElementWidth.ts'

type Day = Stats['days'][number]
type Series = 'warnings' | 'removals' | 'alerts'

export const SERIES: { key: Series; color: string; label: MessageKey }[] = [
  { key: 'warnings', color: '#fa8c16', label: 'stats.warnings' },
  { key: 'removals', color: '#f5222d', label: 'stats.removals' },
  { key: 'alerts', color: '#1677ff', label: 'stats.alerts' },
]

const HEIGHT = 240
const LEFT = 40
const BOTTOM = 24
const TOP = 8

/** A round step for the y axis: about four grid lines whatever the peak. */
function niceStep(peak: number): number {
  const rough = Math.max(peak, 1) / 4
  const magnitude = 10 ** Math.floor(Math.log10(rough))
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((candidate) => candidate >= rough)!
  return Math.max(1, step)
}

/**
 * Stacked bars per day, drawn as plain SVG (no chart library); hovering a bar names its numbers. Drawn at the
 * container's own width, so labels keep their size on any screen.
 */
export function DailyBarChart({ days }: { days: readonly Day[] }) {
  const t = useT()
  const { ref, width } = useElementWidth<HTMLDivElement>(1000)
  const totals = days.map((day) => day.warnings + day.removals + day.alerts)
  const step = niceStep(Math.max(0, ...totals))
  const top = Math.max(step, Math.ceil(Math.max(0, ...totals) / step) * step)
  const plotHeight = HEIGHT - BOTTOM - TOP
  const slot = (width - LEFT) / Math.max(days.length, 1)
  const barWidth = Math.max(2, Math.min(32, slot * 0.7))
  const y = (value: number) => TOP + plotHeight - (value / top) * plotHeight
  // About one date label per 70 pixels, so they never run into each other.
  const labelEvery = Math.max(1, Math.ceil(days.length / Math.max(1, Math.floor((width - LEFT) / 70))))

  return (
    <div ref={ref}>
      <svg width={width} height={HEIGHT} viewBox={`0 0 ${width} ${HEIGHT}`} className="stats-chart" role="img" aria-label={t('stats.perDay')} data-testid="stats-chart">
        {Array.from({ length: top / step + 1 }, (_, k) => k * step).map((value) => (
          <g key={value}>
            <line x1={LEFT} x2={width} y1={y(value)} y2={y(value)} stroke="#f0f0f0" />
            <text x={LEFT - 6} y={y(value) + 4} textAnchor="end" fontSize="11" fill="#8c8c8c">
              {value}
            </text>
          </g>
        ))}
        {days.map((day, index) => {
          const x = LEFT + index * slot + (slot - barWidth) / 2
          let base = 0
          return (
            <g key={day.day}>
              <title>{`${day.day}  ${SERIES.map((series) => `${t(series.label)} ${day[series.key]}`).join('  ')}`}</title>
              {SERIES.map((series) => {
                const value = day[series.key]
                const rect = <rect key={series.key} x={x} width={barWidth} y={y(base + value)} height={(value / top) * plotHeight} fill={series.color} />
                base += value
                return rect
              })}
              {index % labelEvery === 0 && (
                <text x={x + barWidth / 2} y={HEIGHT - 6} textAnchor="middle" fontSize="11" fill="#8c8c8c">
                  {day.day.slice(5)}
                </text>
              )}
            </g>
          )
        })}
      </svg>
    </div>
  )
}
