// The only script on first view: it waits until a chart is about to be seen and only then
// fetches chart.js, so the build-time image carries the first paint.
const figures = document.querySelectorAll<HTMLElement>('figure[data-chart]');

if ('IntersectionObserver' in window && figures.length > 0) {
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        void import('./draw-chart.ts').then((m) => m.drawChart(entry.target as HTMLElement));
      }
    },
    { rootMargin: '200px 0px' },
  );
  figures.forEach((f) => observer.observe(f));
}
