// Where each direct label of a chart goes: beside its point, clear of the lines, the projection
// band and the labels placed before it. Pure geometry (canvas pixels, y down), so a unit test can
// check the boxes without drawing anything.

export interface Point {
  x: number;
  y: number;
}
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
export type LabelPosition = 'above' | 'below' | 'left' | 'right' | 'below-left' | 'above-left' | 'below-right' | 'above-right';

export interface LabelRequest {
  anchor: Point;
  w: number;
  h: number;
  position: LabelPosition;
  /** Stays where asked (a bar's value belongs beside its bar), even over something. */
  fixed?: boolean;
  /** Left out when no place is clear (what the chart's sentence also says); else drawn where it runs into least. */
  optional?: boolean;
  /** May cross a guide: a note on what lies beyond the guide has little room on that side. */
  overGuides?: boolean;
}

/** What a label must keep clear of: lines drawn point to point, bands between two lines, and the vertical guides. */
export interface Obstacles {
  lines: Point[][];
  bands: { upper: Point[]; lower: Point[] }[];
  guides: Point[][];
}

/** The clear space kept round a label's box, in pixels; from a line, half its 3-px stroke more. */
const LABEL_PAD = 2;
const LINE_PAD = 4;
const GAP = 6;
/** How far from its point an optional label may go, as a share of the plot's diagonal. */
const REACH = 0.25;
const ORDER: LabelPosition[] = ['above', 'below', 'left', 'right', 'above-left', 'below-left', 'above-right', 'below-right'];

/** Returns the box of a label at a position, `step` text lines further from its point. */
function boxAt(r: LabelRequest, position: LabelPosition, step: number): Box {
  const { x, y } = r.anchor;
  const { w, h } = r;
  const gap = GAP + step * h;
  const left = x - GAP - w;
  const right = x + GAP;
  const above = y - gap - h;
  const below = y + gap;
  const middle = y - h / 2 + (position === 'left' || position === 'right' ? (step % 2 ? -1 : 1) * Math.ceil(step / 2) * h : 0);
  switch (position) {
    case 'above': return { x: x - w / 2, y: above, w, h };
    case 'below': return { x: x - w / 2, y: below, w, h };
    case 'left': return { x: left, y: middle, w, h };
    case 'right': return { x: right, y: middle, w, h };
    case 'above-left': return { x: left, y: above, w, h };
    case 'below-left': return { x: left, y: below, w, h };
    case 'above-right': return { x: right, y: above, w, h };
    case 'below-right': return { x: right, y: below, w, h };
  }
}

/** Returns whether two boxes overlap, each grown by `pad`. */
export function boxesOverlap(a: Box, b: Box, pad = LABEL_PAD): boolean {
  return a.x - pad < b.x + b.w + pad && b.x - pad < a.x + a.w + pad && a.y - pad < b.y + b.h + pad && b.y - pad < a.y + a.h + pad;
}

/** Returns whether the segment p–q passes through the box (Liang–Barsky clipping). */
function segmentHitsBox(p: Point, q: Point, b: Box): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  const edges: [number, number][] = [[-dx, p.x - b.x], [dx, b.x + b.w - p.x], [-dy, p.y - b.y], [dy, b.y + b.h - p.y]];
  for (const [pe, qe] of edges) {
    if (pe === 0) {
      if (qe < 0) return false;
    } else {
      const r = qe / pe;
      if (pe < 0) t0 = Math.max(t0, r);
      else t1 = Math.min(t1, r);
      if (t0 > t1) return false;
    }
  }
  return true;
}

/** Returns whether a line drawn through the points crosses the box grown by `pad`. */
export function lineHitsBox(line: readonly Point[], box: Box, pad = LINE_PAD): boolean {
  const b = { x: box.x - pad, y: box.y - pad, w: box.w + 2 * pad, h: box.h + 2 * pad };
  return line.some((p, i) => i > 0 && segmentHitsBox(line[i - 1], p, b));
}

/** Returns the y of a line at x (linear between its points), or null outside its x-range. */
function yAt(line: readonly Point[], x: number): number | null {
  for (let i = 1; i < line.length; i++) {
    const [a, b] = [line[i - 1], line[i]];
    if (x >= Math.min(a.x, b.x) && x <= Math.max(a.x, b.x)) return a.x === b.x ? Math.min(a.y, b.y) : a.y + ((x - a.x) / (b.x - a.x)) * (b.y - a.y);
  }
  return null;
}

/** Returns whether the box (grown by `pad`) overlaps the area between a band's two edges. */
export function bandHitsBox(band: Obstacles['bands'][number], box: Box, pad = LINE_PAD): boolean {
  const b = { x: box.x - pad, y: box.y - pad, w: box.w + 2 * pad, h: box.h + 2 * pad };
  if (lineHitsBox(band.upper, b, 0) || lineHitsBox(band.lower, b, 0)) return true;
  // Wholly inside the band: test the box's edges and every band point within its x-range.
  const xs = [b.x, b.x + b.w, ...band.upper.map((p) => p.x).filter((x) => x > b.x && x < b.x + b.w)];
  return xs.some((x) => {
    const top = yAt(band.upper, x);
    const bottom = yAt(band.lower, x);
    return top !== null && bottom !== null && b.y < Math.max(top, bottom) && b.y + b.h > Math.min(top, bottom);
  });
}

/** Returns the distance from a point to the nearest point of a box (0 inside it). */
function distanceTo(p: Point, b: Box): number {
  const dx = Math.max(b.x - p.x, 0, p.x - (b.x + b.w));
  const dy = Math.max(b.y - p.y, 0, p.y - (b.y + b.h));
  return Math.hypot(dx, dy);
}

/** Returns how many things a box runs into: lines, bands, labels already placed, the area's edge. */
function collisions(box: Box, placed: readonly Box[], obstacles: Obstacles, area: Box, overGuides = false): number {
  const outside = box.x < area.x || box.y < area.y || box.x + box.w > area.x + area.w || box.y + box.h > area.y + area.h;
  const lines = overGuides ? obstacles.lines : [...obstacles.lines, ...obstacles.guides];
  return (outside ? 100 : 0) + placed.filter((p) => boxesOverlap(p, box)).length * 10 + lines.filter((l) => lineHitsBox(l, box)).length + obstacles.bands.filter((b) => bandHitsBox(b, box)).length;
}

/**
 * Returns a box for each label, in order: the asked position if it is clear, else the nearest
 * clear one (other sides, then a line further out), else the one that runs into least. An
 * optional label with no clear place (a chart on the narrowest phone has little room) is left
 * out, null: drawn over the line it names it misleads, and the chart's sentence says it too. So is
 * one whose only clear place is further from its point than a quarter of the plot's diagonal: on
 * a phone the forecast's note found room at the foot of the chart, by the 1 000 op grid line, and
 * read as a figure of that part of the chart (in the images such notes sit 35–90 px from their
 * point; a quarter of the diagonal is about 100 px in the narrow image, 175 in the wide).
 */
export function placeLabels(requests: readonly LabelRequest[], obstacles: Obstacles, area: Box): (Box | null)[] {
  const placed: Box[] = [];
  const boxes: (Box | null)[] = [];
  const reach = REACH * Math.hypot(area.w, area.h);
  for (const r of requests) {
    if (r.fixed) {
      placed.push(boxAt(r, r.position, 0));
      boxes.push(placed.at(-1)!);
      continue;
    }
    const positions = [r.position, ...ORDER.filter((p) => p !== r.position)];
    // Nearest first: each side at its own distance, then slid sideways 8 px at a time (up to the
    // label's width), then a line further out.
    const slides = [0];
    for (let dx = 8; dx <= r.w; dx += 8) slides.push(dx, -dx);
    let best: { box: Box; score: number } | null = null;
    search: for (let step = 0; step < 6; step++) {
      for (const dx of slides) {
        for (const position of positions) {
          const at = boxAt(r, position, step);
          const box = { ...at, x: at.x + dx };
          if (r.optional && distanceTo(r.anchor, box) > reach) continue;
          const score = collisions(box, placed, obstacles, area, r.overGuides);
          if (!best || score < best.score) best = { box, score };
          if (score === 0) break search;
        }
      }
    }
    const box = best !== null && (best.score === 0 || !r.optional) ? best.box : null;
    if (box) placed.push(box);
    boxes.push(box);
  }
  return boxes;
}
