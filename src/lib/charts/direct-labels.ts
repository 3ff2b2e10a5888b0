import type { Chart, ChartType, Plugin } from 'chart.js';
import { placeLabels, type Box, type LabelPosition, type Obstacles, type Point } from './label-placement.ts';

/** A text drawn beside one data point, so no value depends on a tooltip or on colour alone. */
export interface DirectLabel {
  datasetIndex: number;
  index: number;
  /** One line, or several drawn one under another (a long note on a narrow chart). */
  text: string | string[];
  /** Where the text would rather sit relative to the point; it moves when that spot is taken. */
  position: LabelPosition;
  color: string;
  /** Stays at its position whatever is there (a bar's value belongs beside its bar). */
  fixed?: boolean;
  /** Draw a vertical guide line through the point (used to mark where the target is crossed). */
  guide?: boolean;
  /** Left out where no place is clear: a note the chart's sentence also gives. */
  optional?: boolean;
  /** May cross another label's guide (label-placement.ts). */
  overGuides?: boolean;
}

interface DirectLabelsOptions {
  items: DirectLabel[];
  font: string;
  /** Drawn as a thin outline round each text so it stays legible over grid lines. */
  halo?: string;
}

/** What the plugin placed, kept on the chart so that tests can check the boxes. */
export interface PlacedLabels {
  boxes: (Box & { text: string; overGuides: boolean })[];
  /** The labels left out for want of a clear place. */
  left: string[];
  obstacles: Obstacles;
  area: Box;
}

declare module 'chart.js' {
  interface PluginOptionsByType<TType extends ChartType> {
    directLabels?: DirectLabelsOptions;
  }
}

/** Returns a label's lines. */
const linesOf = (item: DirectLabel): string[] => (Array.isArray(item.text) ? item.text : [item.text]);

/** Returns the drawn points of a dataset (none for a hidden one; gaps left out). */
function pointsOf(chart: Chart, datasetIndex: number): Point[] {
  const meta = chart.getDatasetMeta(datasetIndex);
  if (meta.hidden) return [];
  const values = chart.data.datasets[datasetIndex]?.data ?? [];
  return meta.data.flatMap((el, i) => (values[i] === null || values[i] === undefined || (el as { skip?: boolean }).skip ? [] : [el.getProps(['x', 'y'], true) as Point]));
}

/** Returns the lines and bands of a line chart, and the guides the labels draw, as obstacles. */
function obstaclesOf(chart: Chart, guides: number[]): Obstacles {
  const lines: Point[][] = [];
  const bands: Obstacles['bands'] = [];
  if ((chart.config as { type?: string }).type === 'line') {
    chart.data.datasets.forEach((d, i) => {
      const ds = d as { borderWidth?: number; fill?: unknown };
      if ((ds.borderWidth ?? 1) > 0) lines.push(pointsOf(chart, i));
      if (ds.fill === '+1') bands.push({ upper: pointsOf(chart, i), lower: pointsOf(chart, i + 1) });
    });
  }
  const { top, bottom } = chart.chartArea;
  return { lines: lines.filter((l) => l.length > 1), bands, guides: guides.map((x) => [{ x, y: top }, { x, y: bottom }]) };
}

/** Draws the labels after the datasets; shared by the browser canvas and the image renderer. */
export const directLabels: Plugin = {
  id: 'directLabels',
  afterDatasetsDraw(chart: Chart) {
    // chart.js deep-partials plugin options; ours are always built whole by chartConfig().
    const opts = chart.options.plugins?.directLabels as DirectLabelsOptions | undefined;
    if (!opts) return;
    const { ctx, chartArea } = chart;
    ctx.save();
    ctx.font = opts.font;
    const m = ctx.measureText('Hg8');
    const h = Math.ceil(m.actualBoundingBoxAscent + m.actualBoundingBoxDescent) + 2;
    const items = opts.items.flatMap((item) => {
      const el = chart.getDatasetMeta(item.datasetIndex).data[item.index];
      return el ? [{ item, anchor: el.getProps(['x', 'y'], true) as Point }] : [];
    });
    const guides = items.filter(({ item }) => item.guide).map(({ anchor }) => anchor.x);
    const obstacles = obstaclesOf(chart, guides);
    const area = { x: chartArea.left, y: chartArea.top, w: chartArea.right - chartArea.left, h: chartArea.bottom - chartArea.top };
    const boxes = placeLabels(
      items.map(({ item, anchor }) => ({ anchor, w: Math.max(...linesOf(item).map((l) => ctx.measureText(l).width)), h: h * linesOf(item).length, position: item.position, fixed: item.fixed, optional: item.optional, overGuides: item.overGuides })),
      obstacles,
      area,
    );
    for (const x of guides) {
      ctx.strokeStyle = items.find(({ item, anchor }) => item.guide && anchor.x === x)?.item.color ?? '#000';
      ctx.lineWidth = 1;
      ctx.setLineDash([2, 3]);
      ctx.beginPath();
      ctx.moveTo(x, chartArea.top);
      ctx.lineTo(x, chartArea.bottom);
      ctx.stroke();
      ctx.setLineDash([]);
    }
    ctx.textBaseline = 'middle';
    items.forEach(({ item }, i) => {
      const box = boxes[i];
      if (!box) return;
      const { x, y } = box;
      linesOf(item).forEach((line, k) => {
        const ty = y + h * k + h / 2;
        if (opts.halo) {
          ctx.strokeStyle = opts.halo;
          ctx.lineWidth = 3;
          ctx.lineJoin = 'round';
          ctx.strokeText(line, x, ty);
        }
        ctx.fillStyle = item.color;
        ctx.fillText(line, x, ty);
      });
    });
    ctx.restore();
    const placed = boxes.flatMap((b, i) => (b ? [{ ...b, text: linesOf(items[i].item).join(' '), overGuides: items[i].item.overGuides ?? false }] : []));
    const left = items.flatMap(({ item }, i) => (boxes[i] ? [] : [linesOf(item).join(' ')]));
    (chart as Chart & { $directLabels?: PlacedLabels }).$directLabels = { boxes: placed, left, obstacles, area };
  },
};
