/**
 * The only module that imports the charting library: pages load it lazily, so the portal's first
 * download does not carry it. Tree-shaken: the core, two chart types and the components used.
 */
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type {
  AriaComponentOption,
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { fr } from '../../i18n/fr';
import { formatNumber } from '../../i18n/format';
import { reasonText, type Figure } from './model';
import { ILLUSTRATIVE, SECRET_COLOUR, SYMBOLS, TOTAL_COLOUR } from './palette';

echarts.use([
  BarChart,
  LineChart,
  ScatterChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
]);

type Option = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | ScatterSeriesOption
  | AriaComponentOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
>;

function colourOf(figure: Figure, index: number): string {
  const series = figure.series[index];
  if (series?.total) return TOTAL_COLOUR;
  return ILLUSTRATIVE[index % ILLUSTRATIVE.length] ?? TOTAL_COLOUR;
}

export function describe(figure: Figure): string {
  const names = figure.series.map((series) => series.label).join(', ');
  if (figure.kind === 'bar') return fr.statistics.barDescription(figure.title, names);
  const first = figure.axis[0]?.label ?? '';
  const last = figure.axis.at(-1)?.label ?? '';
  return fr.statistics.chartDescription(figure.title, names, first, last);
}

/**
 * A withheld cell is never drawn as 0 nor left as a silent gap: the line breaks there and a grey
 * marker on a strip above the plot, with its own legend entry, says "secret statistique" (ADR 0011).
 */
export function optionOf(figure: Figure): Option {
  const secrets: { value: [number, number]; name: string }[] = [];
  figure.series.forEach((series) => {
    series.points.forEach((point, index) => {
      if (point.kind === 'secret') {
        secrets.push({
          value: [index, 1],
          name: `${series.label} — ${figure.axis[index]?.label ?? ''} : ${fr.statistics.secret} (${reasonText(point, figure)})`,
        });
      }
    });
  });
  const dataSeries: (LineSeriesOption | BarSeriesOption)[] = figure.series.map((series, index) => {
    const data = series.points.map((point) => (point.kind === 'value' ? point.value : null));
    const colour = colourOf(figure, index);
    if (figure.kind === 'bar') {
      return { type: 'bar', name: series.label, data, itemStyle: { color: colour } };
    }
    return {
      type: 'line',
      name: series.label,
      data,
      connectNulls: false,
      showSymbol: true,
      symbol: SYMBOLS[index % SYMBOLS.length],
      symbolSize: 7,
      lineStyle: { width: series.total ? 3 : 2, color: colour },
      itemStyle: { color: colour },
    };
  });
  const secretSeries: ScatterSeriesOption = {
    type: 'scatter',
    name: fr.statistics.legendSecret,
    yAxisIndex: 1,
    symbol: 'rect',
    symbolSize: [4, 12],
    itemStyle: { color: SECRET_COLOUR },
    data: secrets,
    tooltip: { formatter: (params) => (params as { name: string }).name },
  };
  return {
    animation: false,
    aria: { enabled: true, label: { description: describe(figure) }, decal: { show: figure.kind === 'bar' } },
    textStyle: { fontFamily: 'Marianne, arial, sans-serif' },
    grid: { left: 56, right: 24, top: 48, bottom: 88 },
    legend: { bottom: 0, type: 'scroll' },
    tooltip: {
      trigger: 'item',
      formatter: (params) => {
        const item = params as { seriesName?: string; name: string; value: unknown };
        if (item.seriesName === fr.statistics.legendSecret) return item.name;
        return `${item.seriesName ?? ''} — ${item.name} : ${typeof item.value === 'number' ? formatNumber(item.value) : ''}`;
      },
    },
    xAxis: {
      type: 'category',
      data: figure.axis.map((entry) => entry.label),
      axisLabel: { hideOverlap: true },
    },
    yAxis: [
      { type: 'value', axisLabel: { formatter: (value: number) => formatNumber(value) } },
      // The strip of withheld markers: its own scale, hidden, so a marker's height never reads as a value.
      { type: 'value', min: 0, max: 1.05, show: false },
    ],
    series: [...dataSeries, secretSeries],
  };
}

export default function EChart({ figure, onReady }: { figure: Figure; onReady?: () => void }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const chart = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.setOption(optionOf(figure));
    onReady?.();
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [figure, onReady]);
  return <div ref={container} className="relais-chart" role="img" aria-label={describe(figure)} />;
}
