import sax from 'sax';

export const ATOM_NS = 'http://www.w3.org/2005/Atom';

/** One Atom entry as a feed reader sees it: the text of its elements (CDATA included) and its links. */
export interface AtomEntry {
  id: string;
  title: string;
  updated: string;
  content: string;
  /** Content type of `<content>`, and of `<title>`. */
  contentType: string | null;
  titleType: string | null;
  links: { rel: string; href: string }[];
}

export interface AtomFeed {
  id: string;
  title: string;
  updated: string;
  authors: string[];
  links: { rel: string; href: string }[];
  entries: AtomEntry[];
}

/**
 * Returns the feed as a strict, namespace-aware XML parser reads it; throws when the text is not
 * well-formed XML or its root is not an Atom `<feed>`.
 */
export function parseAtom(xml: string): AtomFeed {
  const parser = sax.parser(true, { xmlns: true });
  const feed: AtomFeed = { id: '', title: '', updated: '', authors: [], links: [], entries: [] };
  const path: string[] = [];
  let entry: AtomEntry | null = null;
  let text = '';
  parser.onerror = (e) => {
    throw e;
  };
  parser.onopentag = (node) => {
    const tag = node as sax.QualifiedTag;
    if (path.length === 0 && (tag.local !== 'feed' || tag.uri !== ATOM_NS)) throw new Error(`root is <${tag.name}> in ${tag.uri}, not an Atom feed`);
    path.push(tag.local);
    text = '';
    const attr = (name: string) => tag.attributes[name]?.value ?? null;
    if (tag.local === 'entry') {
      entry = { id: '', title: '', updated: '', content: '', contentType: null, titleType: null, links: [] };
      feed.entries.push(entry);
    }
    if (tag.local === 'link') (entry ?? feed).links.push({ rel: attr('rel') ?? 'alternate', href: attr('href') ?? '' });
    if (entry && tag.local === 'content') entry.contentType = attr('type');
    if (entry && tag.local === 'title') entry.titleType = attr('type');
  };
  parser.ontext = (t) => (text += t);
  parser.oncdata = (t) => (text += t);
  parser.onclosetag = () => {
    const local = path.pop();
    const parent = path[path.length - 1];
    const value = text.trim();
    if (parent === 'entry' && entry && (local === 'id' || local === 'title' || local === 'updated' || local === 'content')) entry[local] = value;
    if (parent === 'feed' && (local === 'id' || local === 'title' || local === 'updated')) feed[local] = value;
    if (parent === 'author' && local === 'name' && path[path.length - 2] === 'feed') feed.authors.push(value);
    if (local === 'entry') entry = null;
    text = '';
  };
  parser.write(xml).close();
  return feed;
}
