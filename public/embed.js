/* Progress dashboard embed loader: sizes every embedded chart's iframe to its content.
   Paste once per page, after the iframes: <script src="…/embed.js" async></script> */
(function (w, d) {
  if (w.amkEmbed) return;
  w.amkEmbed = 1;
  var EMBED = /\/(upota|inbaddning|embed)\/[\w-]+\/(\?|$)/;
  function origin(f) {
    try { return new URL(f.src, d.baseURI).origin; } catch (e) { return ''; }
  }
  // Ask a frame to size itself by its content; it answers with its height (checked below by its
  // origin). The question carries nothing, so it goes to any origin: naming the dashboard's made
  // the browser log an error in the host page for each lazy frame not loaded yet (about:blank).
  function ask(f) {
    if (f.contentWindow && EMBED.test(f.src)) f.contentWindow.postMessage({ type: 'amk-embed-auto' }, '*');
  }
  w.addEventListener('message', function (e) {
    var m = e.data, fs = d.getElementsByTagName('iframe'), i, f, h;
    if (!m || (m.type !== 'amk-embed-hello' && m.type !== 'amk-embed-height')) return;
    for (i = 0; i < fs.length; i++) {
      f = fs[i];
      if (f.contentWindow !== e.source || origin(f) !== e.origin || !EMBED.test(f.src)) continue;
      if (m.type === 'amk-embed-hello') ask(f);
      h = Math.ceil(+m.height);
      if (m.type === 'amk-embed-height' && h > 0 && h < 1e5) {
        f.style.height = h + 'px';
        f.style.minHeight = '0';
        f.style.aspectRatio = 'auto';
      }
    }
  });
  Array.prototype.forEach.call(d.getElementsByTagName('iframe'), ask);
})(window, document);
