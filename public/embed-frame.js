/* Progress dashboard embed page, run in <head> before the first paint: ?theme=light|dark fixes the theme.
   In a frame: says hello; when the host's /embed.js answers, lays out by content and reports its
   height. Framed by WordPress (#?secret=… in the address, sandbox="allow-scripts": no storage,
   no new tabs): lays out by content, posts {message:'height'|'link', value, secret}. */
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
  if (secret) d.addEventListener('click', function (e) {
    var a = e.target && e.target.closest ? e.target.closest('a[href]') : null;
    if (!a || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    e.preventDefault();
    post({ message: 'link', value: a.href, secret: secret });
  });
  w.addEventListener('load', function () { if (observer) report(); });
})(window, document);
