// The only script on first view: it waits until a chart is about to be seen and only then
// fetches chart.js, so the build-time image carries the first paint.
// The drawing box, not the whole figure, is watched: a figure's heading and summary may be on
// screen long before its chart is.
const boxes = document.querySelectorAll<HTMLElement>('figure[data-chart] .chart-box');

if ('IntersectionObserver' in window && boxes.length > 0) {
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        const figure = entry.target.closest<HTMLElement>('figure[data-chart]');
        if (figure) void import('./draw-chart.ts').then((m) => m.drawChart(figure));
      }
    },
    { rootMargin: '100px 0px' },
  );
  boxes.forEach((b) => observer.observe(b));
}
