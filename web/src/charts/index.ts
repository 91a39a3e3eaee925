import './charts.css';

export { Axis, type AxisProps } from './Axis.js';
export { BarChart, type BarChartProps, type BarRow, type BarValue } from './BarChart.js';
export { ChartLegend, type LegendItem } from './ChartLegend.js';
export { DotChart, type DotChartProps, type DotRow } from './DotChart.js';
export { axisFormat, decimalFormat } from './format.js';
export { LineChart, type LineChartProps, type LinePoint, type LineSeries } from './LineChart.js';
export { seriesColour, seriesColours } from './palette.js';
export { Sparkline, type SparklineProps } from './Sparkline.js';
export { extent, linearScale, niceDomain, tickSpacing, ticks } from './scale.js';
