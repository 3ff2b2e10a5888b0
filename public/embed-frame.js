/* Runs in the <head> of every AMKosaaja embed page, before the first paint.
   1. ?theme=light|dark fixes the theme; otherwise the reader's setting decides.
   2. Inside a frame, says hello to the host page; when the host's loader (/embed.js) answers,
      the page lays itself out by its content and reports its height on every change.
   3. Framed by WordPress (an oEmbed it discovered), the address ends in #?secret=…: WordPress
      resizes the frame only on {message:'height', value, secret} and asks with 'ready', so the
      page lays itself out by its content at once and answers in that form too. No storage and
      no reading of the parent: WordPress frames it with sandbox="allow-scripts" (no same origin). */
(function (w, d) {
  var root = d.documentElement;
  var theme = /[?&]theme=(light|dark)(&|$)/.exec(location.search);
  if (theme) root.setAttribute('data-theme', theme[1]);
  if (w.parent === w) return;
  var id = location.pathname, observer, auto = false;
  var secret = /[#&?]secret=([A-Za-z0-9]+)/.exec(location.hash);
  secret = secret && secret[1];
  function post(m) { w.parent.postMessage(m, '*'); }
  function report() {
    if (!d.body) return;
    var h = Math.ceil(d.body.getBoundingClientRect().height);
    if (auto) post({ type: 'amk-embed-height', id: id, height: h });
    if (secret) post({ message: 'height', value: h, secret: secret });
  }
  function fit() {
    root.classList.add('auto-height');
    if (!observer && w.ResizeObserver && d.body) {
      observer = new ResizeObserver(report);
      observer.observe(d.body);
    }
    report();
  }
  if (secret) root.classList.add('auto-height');
  w.addEventListener('message', function (e) {
    var m = e.data;
    if (e.source !== w.parent || !m) return;
    if (m.type === 'amk-embed-auto') auto = true;
    else if (!(secret && m.message === 'ready' && m.secret === secret)) return;
    if (d.body) fit();
  });
  w.addEventListener('DOMContentLoaded', function () {
    post({ type: 'amk-embed-hello', id: id });
    if (secret) fit();
  });
  w.addEventListener('load', function () { if (observer) report(); });
})(window, document);
