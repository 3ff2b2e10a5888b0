/** The values a string's `{name}` placeholders are filled with. */
export type Params = Readonly<Record<string, string | number>>;

/**
 * Returns a template with its `{name}` placeholders filled in; an unknown one stays visible. The
 * one filling of every string: the pages, the checker's script and `npm run validate` say a
 * problem word for word alike because they fill the same template here.
 */
export function fill(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}
