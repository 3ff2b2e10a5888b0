// What WordPress does with the oEmbed `html` of a provider it discovered (one not on its own
// list, as this site is), mirrored from WordPress core so tests can check our embeds survive it:
// - wp_filter_oembed_result(), wp-includes/embed.php (WordPress/WordPress at
//   00b1057417bc8c3e5c55f58a3598d7c0d442c315): wp_kses() with only a[href], blockquote and
//   iframe[src width height frameborder marginwidth marginheight scrolling title]; keeps the last
//   iframe (and a blockquote before it); adds `#?secret=…` to the frame's src and data-secret;
//   then class="wp-embedded-content" sandbox="allow-scripts" security="restricted".
// - wp.receiveEmbedMessage(), wp-includes/js/wp-embed.js (the host side, HOST_SCRIPT below): on a
//   message {message:'height', value, secret} from the frame holding that data-secret, removes the
//   frame's style and sets its height attribute, clamped to 200–1000; on {message:'link', value}
//   it opens value in the top window when it is http(s) on the frame's host and the frame has
//   focus; on load it sends the frame {message:'ready', secret}.

type Allowed = Record<string, readonly string[]>;

/** The tags and attributes wp_filter_oembed_result() lets through wp_kses(). */
export const WP_OEMBED_ALLOWED: Allowed = {
  a: ['href'],
  blockquote: [],
  iframe: ['src', 'width', 'height', 'frameborder', 'marginwidth', 'marginheight', 'scrolling', 'title'],
};

/** wp_kses' default protocols for URL attributes that matter here; other schemes are dropped. */
const URL_ATTRS = new Set(['href', 'src']);
const PROTOCOL = /^\s*([a-z][a-z0-9+.-]*):/i;
const SAFE_PROTOCOLS = new Set(['http', 'https']);

const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#0?39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const encode = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Returns html as wp_kses() leaves it with these allowed tags: other tags are removed (their text
 * stays), other attributes are dropped, names lower-cased, values double-quoted, URLs with an
 * unsafe scheme dropped. Enough of wp_kses for well-formed embed HTML, not a general sanitiser.
 */
export function wpKses(html: string, allowed: Allowed): string {
  return html.replace(/<(\/?)([a-zA-Z][\w-]*)([^>]*)>/g, (_, slash: string, name: string, rest: string) => {
    const tag = name.toLowerCase();
    const attrs = allowed[tag];
    if (!attrs) return '';
    if (slash) return `</${tag}>`;
    const kept: string[] = [];
    for (const m of rest.matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
      const attr = m[1].toLowerCase();
      if (!attrs.includes(attr)) continue;
      const value = decode(m[2] ?? m[3] ?? m[4] ?? '');
      const scheme = PROTOCOL.exec(value)?.[1].toLowerCase();
      if (URL_ATTRS.has(attr) && scheme && !SAFE_PROTOCOLS.has(scheme)) continue;
      kept.push(`${attr}="${encode(value)}"`);
    }
    return `<${tag}${kept.map((a) => ` ${a}`).join('')}>`;
  });
}

/** Returns the oEmbed html as a WordPress post would show it, or null where WordPress shows nothing. */
export function wpFilterOembedResult(html: string, secret: string): string | null {
  let out = wpKses(html, WP_OEMBED_ALLOWED);
  const content = /(<blockquote>.*?<\/blockquote>)?.*(<iframe.*?><\/iframe>)/s.exec(out);
  if (!content?.[2]) return null;
  out = (content[1] ?? '') + content[2];
  const src = / src=(['"])(.*?)\1/.exec(out);
  if (src) {
    const q = src[1];
    out = out.replace(src[0], ` src=${q}${src[2]}#?secret=${secret}${q} data-secret=${q}${secret}${q}`);
    out = out.replace('<blockquote', `<blockquote data-secret="${secret}"`);
  }
  out = wpKses(out, { ...WP_OEMBED_ALLOWED, blockquote: ['data-secret'], iframe: [...WP_OEMBED_ALLOWED.iframe, 'data-secret'] });
  if (content[1]) {
    out = out.replace('<iframe', '<iframe style="position: absolute; clip: rect(1px, 1px, 1px, 1px);"');
    out = out.replace('<blockquote', '<blockquote class="wp-embedded-content"');
  }
  return out.replace(/<iframe/gi, '<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted"');
}

/** The host page's half of WordPress's embed protocol (wp-includes/js/wp-embed.js), as a classic script. */
export const WP_HOST_SCRIPT = `(function (w, d) {
  w.addEventListener('message', function (e) {
    var data = e.data, i, source, height;
    if (!data || !(data.secret || data.message || data.value) || /[^a-zA-Z0-9]/.test(data.secret)) return;
    var iframes = d.querySelectorAll('iframe[data-secret="' + data.secret + '"]');
    for (i = 0; i < iframes.length; i++) {
      source = iframes[i];
      if (e.source !== source.contentWindow) continue;
      source.removeAttribute('style');
      if (data.message === 'height') {
        height = parseInt(data.value, 10);
        if (height > 1000) height = 1000; else if (~~height < 200) height = 200;
        source.height = height;
      } else if (data.message === 'link') {
        var from = new URL(source.getAttribute('src')), to = new URL(data.value);
        if (/^https?:$/i.test(to.protocol) && to.host === from.host && d.activeElement === source) w.top.location.href = data.value;
      }
    }
  });
  w.addEventListener('load', function () {
    var iframes = d.querySelectorAll('iframe[data-secret]'), i;
    for (i = 0; i < iframes.length; i++) iframes[i].contentWindow.postMessage({ message: 'ready', secret: iframes[i].getAttribute('data-secret') }, '*');
  });
})(window, document);`;
