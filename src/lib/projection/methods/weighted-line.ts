/** One point of a weighted straight-line fit: position t, value y, weight w > 0. */
export interface WeightedPoint {
  t: number;
  y: number;
  w: number;
}

/** A fitted line: its value at t = 0, its slope, and the slope's standard error. */
export interface Line {
  level: number;
  slope: number;
  slopeError: number;
}

/**
 * Returns the weighted least-squares line through the points and its slope's standard error,
 * se² = (weighted mean squared residual) / ((n_eff − 2) × weighted variance of t), n_eff being
 * (Σw)² / Σw² (the number of equally weighted points that would be as informative). With under
 * three points or no spread in t the slope is 0 and its error infinite.
 */
export function weightedLine(points: readonly WeightedPoint[]): Line {
  const W = points.reduce((s, p) => s + p.w, 0);
  if (points.length === 0 || !(W > 0)) return { level: 0, slope: 0, slopeError: Infinity };
  const mt = points.reduce((s, p) => s + p.w * p.t, 0) / W;
  const my = points.reduce((s, p) => s + p.w * p.y, 0) / W;
  const vt = points.reduce((s, p) => s + p.w * (p.t - mt) ** 2, 0) / W;
  if (points.length < 3 || !(vt > 0)) return { level: my, slope: 0, slopeError: Infinity };
  const slope = points.reduce((s, p) => s + p.w * (p.t - mt) * (p.y - my), 0) / W / vt;
  const residual = points.reduce((s, p) => s + p.w * (p.y - my - slope * (p.t - mt)) ** 2, 0) / W;
  const nEff = (W * W) / points.reduce((s, p) => s + p.w * p.w, 0);
  const slopeError = nEff > 2 ? Math.sqrt(residual / ((nEff - 2) * vt)) : Infinity;
  return { level: my - slope * mt, slope, slopeError };
}

/**
 * Returns the slope shrunk toward 0 by its own uncertainty, slope × slope² / (slope² + se²): a
 * slope many times its error is kept, one within its error mostly dropped (a steady programme's
 * noise then adds no trend to its projection).
 */
export function shrunkSlope(line: Line): number {
  const b2 = line.slope * line.slope;
  if (!Number.isFinite(line.slopeError)) return 0;
  return b2 === 0 ? 0 : (line.slope * b2) / (b2 + line.slopeError * line.slopeError);
}

/** Residuals beyond this many robust standard deviations are pulled back to it. */
export const CLIP_SDS = 3;

/**
 * Returns the points with every one further from the line than 3 robust standard deviations
 * (1.4826 × the median absolute residual) moved to that distance, on its own side; the others as
 * they are. One step of Huber's clipping.
 */
export function clipToLine(points: readonly WeightedPoint[], line: Line): WeightedPoint[] {
  const residuals = points.map((p) => p.y - (line.level + line.slope * p.t));
  const sorted = residuals.map(Math.abs).sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  const limit = CLIP_SDS * 1.4826 * median;
  if (!(limit > 0)) return [...points];
  return points.map((p, i) => (Math.abs(residuals[i]) <= limit ? p : { ...p, y: p.y - residuals[i] + Math.sign(residuals[i]) * limit }));
}

/**
 * Returns the weighted line refitted once after pulling outlying points back toward it
 * (clipToLine): a one-off month of several times the usual credits (a backlog reported at once)
 * then tilts the line no more than a month at the edge of the usual noise would (FPP 3.6, robust
 * decomposition).
 */
export function robustWeightedLine(points: readonly WeightedPoint[]): Line {
  const first = weightedLine(points);
  if (points.length < 3) return first;
  const clipped = clipToLine(points, first);
  return clipped.every((p, i) => p.y === points[i].y) ? first : weightedLine(clipped);
}
