import type { Lang } from '../contract/programme.ts';
import type { ChartId } from '../view/chart-view.ts';
import type { Theme } from './theme.ts';

/** The two image layouts: a phone-width one with larger relative type, and a wide one. */
export const IMAGE_SIZES = {
  wide: { width: 720, height: 360 },
  narrow: { width: 360, height: 300 },
} as const;
export type ImageSize = keyof typeof IMAGE_SIZES;
/** Images are drawn at twice their CSS size so they stay sharp on phones. */
export const IMAGE_SCALE = 2;

/**
 * Charts whose narrow layout is taller than 6:5: a dozen category names, each broken into two
 * lines on a phone, need the room (the page's chart box takes the same shape).
 */
export const TALL_CHARTS: readonly ChartId[] = ['fields'];
const TALL_NARROW = { width: 360, height: 560 } as const;

/**
 * The width of a chart's box on the narrowest phone (320 px screen) in CSS pixels. A phone's screen
 * image (the narrow WebP, the plot alone) is drawn at this width, so a phone shown the image
 * (before its canvas draws, or without JavaScript) never scales its 12 px text down: drawn 360
 * wide it showed 10 px text at a 360 px screen. A wider phone scales it up.
 */
const PHONE_BOX_WIDTH = 258;

/**
 * Returns the CSS-pixel size of a chart's image (multiply by IMAGE_SCALE for the bitmap): the
 * layout's, but a phone's WebP in the same shape at the width of the narrowest phone's chart box.
 */
export function chartImageSize(chart: ChartId, size: ImageSize, format: ImageFormat | VectorFormat = 'png'): { width: number; height: number } {
  const layout = size === 'narrow' && TALL_CHARTS.includes(chart) ? TALL_NARROW : IMAGE_SIZES[size];
  if (size === 'wide' || format !== 'webp') return layout;
  return { width: PHONE_BOX_WIDTH, height: Math.round((layout.height * PHONE_BOX_WIDTH) / layout.width) };
}

/**
 * Every chart image is written twice: a PNG (exact, and what every editor and social site takes:
 * downloads, print, browsers without WebP) and a WebP that screens show (about half the bytes, so
 * a phone on a mobile network gets its first view sooner; at twice the CSS size the difference
 * cannot be seen).
 */
export type ImageFormat = 'png' | 'webp';
/** libwebp's quality (0–100) for the WebP that pages show. */
export const WEBP_QUALITY = 85;

/**
 * A partner's charts are shown in both layouts, as the programme's (a phone is shown the narrow
 * WebP: a wide PNG squeezed into a phone's box was four times the bytes and lost its proportions,
 * and Lighthouse's image-delivery audit failed the page), but offered for download (PNG and SVG)
 * in the wide layout only, as they were before the narrow WebP. The narrow PNGs and SVGs were
 * linked from the download list alone, and drawing them was a quarter of the partners' image time;
 * a partner's page is read far less than the dashboard.
 */
export const PARTNER_DOWNLOAD_SIZES: readonly ImageSize[] = ['wide'];

/** The same chart as a vector image, for print and design work (text kept as text). */
type VectorFormat = 'svg';

/**
 * Returns the site path of a chart image, e.g. `img/charts/fi/cumulative-light-wide.png`; of a
 * partner's chart, in the partner's folder: `img/charts/fi/hamk/cumulative-light-wide.png`.
 */
export function chartImagePath(lang: Lang, chart: ChartId, theme: Theme, size: ImageSize, format: ImageFormat | VectorFormat = 'png', partner: string | null = null): string {
  return `img/charts/${lang}/${partner ? `${partner}/` : ''}${chart}-${theme}-${size}.${format}`;
}

/** The social card (Open Graph / Twitter): the headline figure, drawn at build time. */
export const SOCIAL_SIZE = { width: 1200, height: 630 } as const;

/** Returns the site path of a language's social card, e.g. `img/social/fi-headline.png`. */
export function socialImagePath(lang: Lang): string {
  return `img/social/${lang}-headline.png`;
}
