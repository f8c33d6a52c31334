import UCharts, { type UChartsContext } from '@qiun/ucharts';
import { Canvas, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { memo, useEffect, useRef, useState } from 'react';
import { useFontScale } from '../state/fontScale';

export interface ChartSeries {
  name: string;
  /** One value per category; null leaves a gap (e.g. no average below 3 ratings). */
  data: (number | null)[];
}

export interface ChartProps {
  /** `column`: side-by-side bars per category; `line`: one line per series. */
  kind: 'column' | 'line';
  /** The x axis, e.g. months `['6月', '7月']` or centre names. */
  categories: string[];
  series: ChartSeries[];
  /** Read out instead of the picture; the figures it shows are always written out on the page as well. */
  label: string;
  /** Height in em of the page's font, so the chart grows with large type. Default 12. */
  heightEm?: number;
}

/** Series colours: primary green, dark orange, dark blue, each ≥ 4.5:1 on white; the legend names them. */
const COLORS = ['#0a6b4a', '#b35c00', '#0b5394'];
const TEXT_COLOR = '#1d2129';

interface Surface {
  context: UChartsContext;
  /** Canvas pixels. */
  width: number;
  height: number;
  pixelRatio: number;
}

/** The top of the y axis: a multiple of its 5 steps, so every grid line is a whole number. */
function axisMax(series: ChartSeries[]): number {
  const highest = Math.max(0, ...series.flatMap((s) => s.data.map((v) => v ?? 0)));
  const step = Math.max(1, Math.ceil(highest / 5));
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(step)));
  return Math.ceil(step / magnitude) * magnitude * 5;
}

function draw(
  surface: Surface,
  props: ChartProps,
  fontPx: number,
  large: boolean,
  onDrawn: () => void,
): UCharts {
  const font = Math.round(fontPx * 0.8);
  // Axis labels are mostly 2–3 characters (12月, short centre names): show as many as fit the width.
  const fitting = Math.max(2, Math.floor(surface.width / surface.pixelRatio / (font * 3)));
  const chart = new UCharts({
    type: props.kind,
    ...surface,
    categories: props.categories,
    series: props.series.map((s) => ({ ...s, connectNulls: false })),
    animation: false,
    background: '#FFFFFF',
    color: COLORS,
    fontSize: font,
    fontColor: TEXT_COLOR,
    padding: [font, font, 4, 4],
    // Numbers on the bars only while they fit (not at large type); the page lists every figure anyway.
    dataLabel: !large && props.categories.length <= 6,
    legend: { show: true, position: 'top', fontSize: font, lineHeight: font + 4, fontColor: TEXT_COLOR },
    xAxis: {
      fontSize: font,
      lineHeight: font + 8,
      fontColor: TEXT_COLOR,
      disableGrid: true,
      ...(props.categories.length > fitting ? { labelCount: fitting } : {}),
    },
    yAxis: {
      gridType: 'dash',
      data: [{ min: 0, max: axisMax(props.series), fontSize: font, fontColor: TEXT_COLOR }],
    },
    extra: {
      column: { type: 'group', width: Math.max(8, font), seriesGap: 2 },
      line: { type: 'straight', width: 3 },
    },
  });
  chart.addEventListener('renderComplete', onDrawn);
  return chart;
}

let charts = 0;

/**
 * A chart drawn by uCharts on a canvas: the browser's `<canvas>` on h5, WeChat's `type="2d"` canvas on weapp.
 * It fills the width of its card; `data-drawn="yes"` once the picture is complete.
 */
export const Chart = memo(function Chart(props: ChartProps) {
  const { fontPx, large } = useFontScale();
  const [id] = useState(() => `chart-${++charts}`);
  const [drawn, setDrawn] = useState(false);
  const canvas = useRef<HTMLCanvasElement>(null);
  const heightPx = Math.round(fontPx * (props.heightEm ?? 12));
  const picture = JSON.stringify([props.kind, props.categories, props.series, fontPx]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `picture` stands for everything drawn.
  useEffect(() => {
    let chart: UCharts | null = null;
    let gone = false;
    const start = (surface: Surface) => {
      if (gone) return;
      chart = draw(surface, props, fontPx, large, () => {
        if (!gone) setDrawn(true);
      });
    };
    setDrawn(false);
    if (process.env.TARO_ENV === 'h5') {
      const element = canvas.current;
      const context = element?.getContext('2d');
      if (element && context) {
        const pixelRatio = window.devicePixelRatio || 1;
        element.width = Math.round(element.clientWidth * pixelRatio);
        element.height = Math.round(heightPx * pixelRatio);
        start({ context, width: element.width, height: element.height, pixelRatio });
      }
    } else {
      Taro.nextTick(() => {
        Taro.createSelectorQuery()
          .select(`#${id}`)
          .fields({ node: true, size: true })
          .exec((found: { node?: WeChatCanvas; width?: number }[]) => {
            const node = found[0]?.node;
            if (!node) return;
            const pixelRatio = Taro.getWindowInfo().pixelRatio || 1;
            node.width = Math.round((found[0]?.width ?? 0) * pixelRatio);
            node.height = Math.round(heightPx * pixelRatio);
            start({ context: node.getContext('2d'), width: node.width, height: node.height, pixelRatio });
          });
      });
    }
    return () => {
      gone = true;
      chart?.stopAnimation();
    };
  }, [picture, heightPx, id]);

  const style = { width: '100%', height: `${heightPx}px` };
  return (
    <View className="chart" role="img" aria-label={props.label} data-drawn={drawn ? 'yes' : 'no'}>
      {process.env.TARO_ENV === 'h5' ? (
        <canvas ref={canvas} className="chart__canvas" style={style} />
      ) : (
        <Canvas type="2d" id={id} className="chart__canvas" style={style} />
      )}
    </View>
  );
});

/** What `SelectorQuery.fields({ node: true })` gives for a `type="2d"` canvas. */
interface WeChatCanvas {
  width: number;
  height: number;
  getContext(kind: '2d'): object;
}
