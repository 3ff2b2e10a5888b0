// The "Embed" controls beside each chart: completes the snippet with this site's address, lets the
// reader pick the theme, and copies the snippet. Without JavaScript the snippet is still there to
// select in its read-only text box.
import { embedSnippet, type EmbedTheme } from '../site/embed-snippet.ts';
import type { EmbedKey } from '../site/routes.ts';

for (const control of document.querySelectorAll<HTMLElement>('[data-embed-control]')) {
  const code = control.querySelector<HTMLTextAreaElement>('textarea[data-embed-code]');
  const copy = control.querySelector<HTMLButtonElement>('button[data-embed-copy]');
  const theme = control.querySelector<HTMLSelectElement>('select[data-embed-theme]');
  const status = control.querySelector<HTMLElement>('[data-embed-status]');
  if (!code || !copy || !theme || !status) continue;
  const d = code.dataset;
  // A build without SITE_URL writes site-relative addresses, which would point at the host page
  // once pasted elsewhere: the page's own origin completes them (not a file: page's "null").
  const origin = d.origin || (/^https?:$/.test(location.protocol) ? location.origin : '');
  const update = () => {
    code.value = embedSnippet({
      origin,
      path: d.path ?? '',
      key: d.key as EmbedKey,
      title: d.title ?? '',
      theme: theme.value as EmbedTheme,
    });
  };
  update();
  theme.addEventListener('change', update);
  for (const el of control.querySelectorAll<HTMLElement>('[data-js-only]')) el.hidden = false;
  for (const el of control.querySelectorAll<HTMLElement>('[data-no-js]')) el.hidden = true;

  let clear = 0;
  const say = (text: string) => {
    // Emptied first so that copying twice is announced twice.
    status.textContent = '';
    window.clearTimeout(clear);
    window.setTimeout(() => {
      status.textContent = text;
      clear = window.setTimeout(() => (status.textContent = ''), 5000);
    }, 50);
  };
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(code.value);
      say(status.dataset.ok ?? '');
    } catch {
      // No Clipboard API (or no permission): select the text so the reader can copy it.
      code.focus();
      code.select();
      say(status.dataset.failed ?? '');
    }
  });
}
