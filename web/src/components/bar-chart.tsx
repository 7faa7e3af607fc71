import { BarChart as EBarChart, LineChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'preact/hooks';

echarts.use([EBarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, DataZoomComponent, CanvasRenderer]);

export interface ChartSeries {
  readonly name: string;
  readonly kind: 'bar' | 'line';
  readonly values: readonly number[];
  /** Bars of the same stack pile up. */
  readonly stack?: string;
  readonly color?: string;
}

const FONT = "'Noto Naskh Arabic', 'DejaVu Sans', sans-serif";

/**
 * A category chart drawn right to left: ECharts has no RTL mode, so the x-axis is inverted (earliest date on
 * the right) and the value axis sits on the right.
 */
export function BarChart({
  categories,
  series,
  height = 360,
  label,
}: {
  categories: readonly string[];
  series: readonly ChartSeries[];
  height?: number;
  label: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const chart = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.setOption({
      textStyle: { fontFamily: FONT },
      animation: false,
      tooltip: { trigger: 'axis', textStyle: { fontFamily: FONT } },
      legend: { type: 'scroll', top: 0, right: 0, textStyle: { fontFamily: FONT } },
      grid: { left: 16, right: 48, top: 40, bottom: categories.length > 30 ? 56 : 28, containLabel: true },
      xAxis: { type: 'category', inverse: true, data: [...categories] },
      yAxis: { type: 'value', position: 'right', minInterval: 1 },
      dataZoom: categories.length > 30 ? [{ type: 'slider', bottom: 8 }, { type: 'inside' }] : [],
      series: series.map((entry) => ({
        name: entry.name,
        type: entry.kind,
        stack: entry.stack,
        data: [...entry.values],
        itemStyle: entry.color ? { color: entry.color } : undefined,
        lineStyle: entry.color ? { color: entry.color } : undefined,
      })),
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [categories, series]);
  return <div ref={container} class="chart" role="img" aria-label={label} style={{ height: `${height}px` }} />;
}
