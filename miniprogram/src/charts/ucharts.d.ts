/** The part of uCharts 2.5 (`@qiun/ucharts`, plain JS) the app uses. Options: https://www.ucharts.cn/v2/#/document/index */
declare module '@qiun/ucharts' {
  export interface UChartsSeries {
    name: string;
    data: (number | null)[];
    color?: string;
    connectNulls?: boolean;
  }

  /** A 2D context: the browser's, or a mini-program canvas node's (uCharts adds its `setX` helpers itself). */
  export type UChartsContext = CanvasRenderingContext2D | object;

  export interface UChartsOptions {
    type: 'column' | 'line' | 'bar';
    context: UChartsContext;
    /** Canvas pixels; `pixelRatio` scales fonts, lines and paddings to them. */
    width: number;
    height: number;
    pixelRatio: number;
    categories: string[];
    series: UChartsSeries[];
    animation?: boolean;
    background?: string;
    color?: string[];
    fontSize?: number;
    fontColor?: string;
    padding?: [number, number, number, number];
    dataLabel?: boolean;
    dataPointShape?: boolean;
    legend?: {
      show?: boolean;
      position?: 'top' | 'bottom';
      fontSize?: number;
      lineHeight?: number;
      fontColor?: string;
    };
    xAxis?: {
      fontSize?: number;
      lineHeight?: number;
      fontColor?: string;
      disableGrid?: boolean;
      /** Show only this many labels, evenly spread. */
      labelCount?: number;
    };
    yAxis?: {
      gridType?: 'solid' | 'dash';
      data?: { min?: number; max?: number; fontSize?: number; fontColor?: string }[];
    };
    extra?: Record<string, unknown>;
  }

  export default class UCharts {
    constructor(options: UChartsOptions);
    addEventListener(type: 'renderComplete', listener: () => void): void;
    stopAnimation(): void;
  }
}
