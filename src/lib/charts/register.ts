import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { directLabels } from './direct-labels.ts';

/** Registers only what our charts use, so the browser bundle stays small (tree-shaken). */
export function registerCharts(): typeof Chart {
  Chart.register(LineController, BarController, LineElement, BarElement, PointElement, CategoryScale, LinearScale, Filler, Tooltip, directLabels);
  return Chart;
}
