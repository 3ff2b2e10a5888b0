export type Theme = 'light' | 'dark';

/**
 * Colours of one theme. Contrast against `background` is checked in tests/unit/theme.test.ts, which
 * also holds the page's tokens (src/styles/tokens.css: bg, text, muted, accent, target) to these.
 */
export interface Palette {
  background: string;
  text: string;
  muted: string;
  grid: string;
  actual: string;
  target: string;
  projection: string;
  band: string;
  bar: string;
  later: string;
}

/** Returns the palette of a theme; text ≥ 4.5:1 and chart marks ≥ 3:1 against the background. */
export const PALETTES: Record<Theme, Palette> = {
  light: {
    background: '#ffffff',
    text: '#1b1f24',
    muted: '#4a5360',
    grid: '#d9dde3',
    actual: '#0a58a8',
    target: '#b42318',
    projection: '#0a58a8',
    band: 'rgba(10, 88, 168, 0.16)',
    bar: '#1f6fb2',
    later: '#7a4c00',
  },
  dark: {
    background: '#15181d',
    text: '#eef1f5',
    muted: '#b8c0cc',
    grid: '#3a414b',
    actual: '#79b8ff',
    target: '#ff8f80',
    projection: '#79b8ff',
    band: 'rgba(121, 184, 255, 0.22)',
    bar: '#6aaeff',
    later: '#f2c46d',
  },
};
