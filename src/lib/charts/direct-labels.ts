import type { Chart, ChartType, Plugin } from 'chart.js';

/** A text drawn beside one data point, so no value depends on a tooltip or on colour alone. */
export interface DirectLabel {
  datasetIndex: number;
  index: number;
  text: string;
  /** Where the text sits relative to the point. */
  position: 'above' | 'below' | 'left' | 'right' | 'below-left';
  color: string;
  /** Draw a vertical guide line through the point (used to mark where the target is crossed). */
  guide?: boolean;
}

interface DirectLabelsOptions {
  items: DirectLabel[];
  font: string;
  /** Drawn as a thin outline round each text so it stays legible over lines and bands. */
  halo?: string;
}

declare module 'chart.js' {
  interface PluginOptionsByType<TType extends ChartType> {
    directLabels?: DirectLabelsOptions;
  }
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
    // Labels placed so far; a later label that would overlap one moves up or down a line.
    const placed: { x: number; y: number; w: number }[] = [];
    const line = ctx.measureText('8').actualBoundingBoxAscent * 1.6 + 4;
    const overlaps = (x: number, y: number, w: number) =>
      placed.some((b) => x < b.x + b.w + 4 && b.x < x + w + 4 && Math.abs(y - b.y) < line);
    for (const item of opts.items) {
      const el = chart.getDatasetMeta(item.datasetIndex).data[item.index];
      if (!el) continue;
      const { x, y } = el.getProps(['x', 'y'], true) as { x: number; y: number };
      ctx.fillStyle = item.color;
      ctx.strokeStyle = item.color;
      if (item.guide) {
        ctx.lineWidth = 1;
        ctx.setLineDash([2, 3]);
        ctx.beginPath();
        ctx.moveTo(x, chartArea.top);
        ctx.lineTo(x, chartArea.bottom);
        ctx.stroke();
        ctx.setLineDash([]);
      }
      const width = ctx.measureText(item.text).width;
      let tx = x;
      let ty = y;
      ctx.textBaseline = 'middle';
      if (item.position === 'above') ty = y - 14;
      if (item.position === 'below') ty = y + 14;
      if (item.position === 'left') tx = x - 8 - width;
      if (item.position === 'right') tx = x + 8;
      if (item.position === 'below-left') [tx, ty] = [x - 8 - width, y + 16];
      if (item.position === 'above' || item.position === 'below') tx = x - width / 2;
      // Keep the label inside the plot so it is never clipped on a narrow phone screen.
      const clampY = (y0: number) => Math.max(chartArea.top + 8, Math.min(y0, chartArea.bottom - 8));
      tx = Math.max(chartArea.left + 2, Math.min(tx, chartArea.right - width - 2));
      ty = clampY(ty);
      // A bar's value label belongs beside its bar: moving it would put it next to another bar.
      if (item.position !== 'right') {
        const free = [0, -1, 1, -2, 2].map((k) => clampY(ty + k * line)).find((y0) => !overlaps(tx, y0, width));
        ty = free ?? ty;
      }
      placed.push({ x: tx, y: ty, w: width });
      if (opts.halo) {
        ctx.strokeStyle = opts.halo;
        ctx.lineWidth = 3;
        ctx.lineJoin = 'round';
        ctx.strokeText(item.text, tx, ty);
      }
      ctx.fillText(item.text, tx, ty);
    }
    ctx.restore();
  },
};
