/** ECharts, only the parts the dashboard draws: loaded with the dashboard, never with the first page. */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use, type EChartsType } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

declare global {
  interface Window {
    /** The drawn charts by name, so a browser test can read the figures ECharts holds. */
    __consoleCharts?: Record<string, EChartsType>;
  }
}

export type ChartOption = Parameters<EChartsType['setOption']>[0];

export function draw(name: string, element: HTMLElement, option: ChartOption): EChartsType {
  const chart = init(element, undefined, { renderer: 'canvas' });
  chart.setOption({ textStyle: { fontFamily: 'Noto Sans SC, sans-serif', fontSize: 14 }, animation: false, ...option });
  window.__consoleCharts = { ...(window.__consoleCharts ?? {}), [name]: chart };
  return chart;
}
