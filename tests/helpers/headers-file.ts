import { readFileSync } from 'node:fs';

/** One block of a Netlify / Cloudflare Pages `_headers` file. */
export interface HeaderRule {
  pattern: string;
  regex: RegExp;
  line: number;
  headers: [name: string, value: string][];
}

/**
 * Parses a `_headers` file: a path pattern on an unindented line, then indented `Name: value`
 * lines; `#` starts a comment line. Patterns match as on Netlify and Cloudflare Pages: `:name`
 * is one path segment, `*` anything (slashes included), a trailing slash is optional.
 */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trimEnd();
    if (line.trim() === '' || line.trim().startsWith('#')) return;
    if (!/^\s/.test(line)) {
      const pattern = line.trim();
      if (!pattern.startsWith('/')) throw new Error(`_headers:${i + 1}: a path must start with /: ${pattern}`);
      rules.push({ pattern, regex: patternRegex(pattern), line: i + 1, headers: [] });
      return;
    }
    const m = /^\s+([A-Za-z0-9-]+):\s*(.+)$/.exec(line);
    if (!m || rules.length === 0) throw new Error(`_headers:${i + 1}: expected "Name: value" under a path: ${line.trim()}`);
    rules[rules.length - 1].headers.push([m[1], m[2].trim()]);
  });
  return rules;
}

function patternRegex(pattern: string): RegExp {
  const parts = pattern.split('/').filter(Boolean).map((p) => (p.startsWith(':') ? '[^/]+' : p === '*' ? '?.*' : p.split('*').map(escape).join('.*')));
  return new RegExp(`^/${parts.join('/')}/?$`);
}
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The rules whose pattern matches a request path, in file order. */
export function matchingRules(rules: HeaderRule[], path: string): HeaderRule[] {
  return rules.filter((r) => r.regex.test(path));
}

/** The headers a path gets; a name set by several matching rules is joined with ", " as Cloudflare Pages does. */
export function headersFor(rules: HeaderRule[], path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of matchingRules(rules, path))
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      out[key] = key in out ? `${out[key]}, ${value}` : value;
    }
  return out;
}

/** Reads and parses a `_headers` file, returning a header function for `serveStatic`. */
export function headersFromFile(file = 'public/_headers'): { rules: HeaderRule[]; headers: (path: string) => Record<string, string> } {
  const rules = parseHeadersFile(readFileSync(file, 'utf8'));
  return { rules, headers: (path) => headersFor(rules, path) };
}
