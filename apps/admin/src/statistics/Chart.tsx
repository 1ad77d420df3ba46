/**
 * One ECharts chart. Only what 统计分析 draws is registered (bars, lines, a pie, their components, the SVG
 * renderer and the aria descriptions), and this module is reached only through the page's lazy import, so
 * the main bundle carries none of ECharts.
 */
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import { init, use, type EChartsType } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { Locale } from '@suiji/domain';
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { drillPath, type ChartSpec } from './statisticsView';

use([
  BarChart,
  LineChart,
  PieChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  SVGRenderer,
]);

interface ClickParams {
  seriesIndex?: number;
  dataIndex?: number;
}

export const Chart = ({
  spec,
  locale,
  height,
  testId,
}: {
  spec: ChartSpec;
  locale: Locale;
  height: number;
  testId: string;
}) => {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const navigate = useNavigate();

  // ECharts words its own texts (the aria description's sentences) in the locale it is created with.
  useEffect(() => {
    const dom = element.current;
    if (!dom) return;
    const instance = init(dom, null, { renderer: 'svg', locale: locale === 'en' ? 'EN' : 'ZH' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(dom);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [locale]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    instance.setOption(spec.option, { notMerge: true });
    instance.off('click');
    instance.on('click', (params: ClickParams) => {
      const target = spec.target(params.seriesIndex ?? -1, params.dataIndex ?? -1);
      if (target) void navigate(drillPath(target));
    });
  }, [spec, locale, navigate]);

  // ECharts sizes its own element in pixels; contained, that size never widens the page when it narrows
  // (a phone turned, a window made smaller), and the observer redraws the chart at the new width.
  return <div ref={element} data-testid={testId} style={{ width: '100%', height, contain: 'inline-size' }} />;
};
