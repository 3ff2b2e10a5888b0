// The only script on first view: it fetches chart.js only when a chart is about to be seen (or,
// where a figure asks for it, when the reader reaches for the chart), so the build-time image
// carries the first paint.
// The drawing box, not the whole figure, is watched: a figure's heading and summary may be on
// screen long before its chart is.
const figures = document.querySelectorAll<HTMLElement>('figure[data-chart]');
const draw = (figure: HTMLElement) => void import('./draw-chart.ts').then((m) => m.drawChart(figure));

// An embed's chart is in view as soon as it opens, and its image already shows everything the
// chart does: the canvas only adds tooltips (which need a pointer), so it is drawn when the
// reader points at or touches the chart, and opening an embed runs no chart code at all.
const REACH = ['pointerenter', 'pointerdown', 'touchstart'] as const;
for (const figure of figures) {
  if (figure.dataset.draw !== 'on-reach') continue;
  const box = figure.querySelector<HTMLElement>('.chart-box');
  if (!box) continue;
  const reached = () => {
    for (const type of REACH) box.removeEventListener(type, reached);
    draw(figure);
  };
  for (const type of REACH) box.addEventListener(type, reached, { passive: true });
}

const watched = [...figures].filter((f) => f.dataset.draw !== 'on-reach').map((f) => f.querySelector<HTMLElement>('.chart-box'));
if ('IntersectionObserver' in window && watched.length > 0) {
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        const figure = entry.target.closest<HTMLElement>('figure[data-chart]');
        if (figure) draw(figure);
      }
    },
    { rootMargin: '100px 0px' },
  );
  for (const box of watched) if (box) observer.observe(box);
}
