import type { Lang } from '../programme.ts';
import type { ChartId } from './series.ts';
import type { Theme } from './theme.ts';

/** The two image layouts: a phone-width one with larger relative type, and a wide one. */
export const IMAGE_SIZES = {
  wide: { width: 720, height: 360 },
  narrow: { width: 360, height: 300 },
} as const;
export type ImageSize = keyof typeof IMAGE_SIZES;
/** Images are drawn at twice their CSS size so they stay sharp on phones. */
export const IMAGE_SCALE = 2;

/** Returns the site path of a chart image, e.g. `img/charts/fi/cumulative-light-wide.png`. */
export function chartImagePath(lang: Lang, chart: ChartId, theme: Theme, size: ImageSize): string {
  return `img/charts/${lang}/${chart}-${theme}-${size}.png`;
}
