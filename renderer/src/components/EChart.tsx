// A thin React wrapper of ECharts: one chart per element, options replaced as they change, resized with its box.
// Only the parts the statistics use are bundled (bar and pie charts, grid, tooltip, legend), drawn as SVG.
import { BarChart, PieChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { useEffect, useRef } from 'react'
import { FONT_FAMILY } from '../theme.ts'

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer])

export type ChartOption = echarts.EChartsCoreOption

interface EChartProps {
  option: ChartOption
  height: number
  label: string
  testId?: string
}

export function EChart({ option, height, label, testId }: EChartProps) {
  const element = useRef<HTMLDivElement>(null)
  const chart = useRef<echarts.ECharts | null>(null)

  useEffect(() => {
    const box = element.current!
    const instance = echarts.init(box, undefined, { renderer: 'svg' })
    chart.current = instance
    const observer = new ResizeObserver(() => instance.resize())
    observer.observe(box)
    return () => {
      observer.disconnect()
      instance.dispose()
      chart.current = null
    }
  }, [])

  useEffect(() => {
    chart.current?.setOption({ textStyle: { fontFamily: FONT_FAMILY }, ...option }, { notMerge: true })
  }, [option])

  return <div ref={element} style={{ height }} role="img" aria-label={label} data-testid={testId} className="echart" />
}
