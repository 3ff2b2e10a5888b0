/* Runs in the <head> of every AMKosaaja embed page, before the first paint.
   1. ?theme=light|dark fixes the theme; otherwise the reader's setting decides.
   2. Inside a frame, says hello to the host page; when the host's loader (/embed.js) answers,
      the page lays itself out by its content and reports its height on every change. */
(function (w, d) {
  var root = d.documentElement;
  var theme = /[?&]theme=(light|dark)(&|$)/.exec(location.search);
  if (theme) root.setAttribute('data-theme', theme[1]);
  if (w.parent === w) return;
  var id = location.pathname, observer;
  function post(m) { w.parent.postMessage(m, '*'); }
  function report() {
    post({ type: 'amk-embed-height', id: id, height: Math.ceil(d.body.getBoundingClientRect().height) });
  }
  w.addEventListener('message', function (e) {
    if (e.source !== w.parent || !e.data || e.data.type !== 'amk-embed-auto' || !d.body) return;
    root.classList.add('auto-height');
    if (!observer && w.ResizeObserver) {
      observer = new ResizeObserver(report);
      observer.observe(d.body);
    }
    report();
  });
  w.addEventListener('DOMContentLoaded', function () { post({ type: 'amk-embed-hello', id: id }); });
  w.addEventListener('load', function () { if (observer) report(); });
})(window, document);
