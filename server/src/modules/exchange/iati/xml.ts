// Safe XML reading for imported IATI files, and a small writer for exports.
//
// Reading uses saxes, a strict non-validating parser: it never fetches anything, knows only the five
// predefined entities and character references, and reports a DOCTYPE as an event — which is refused
// here outright, so no DTD (internal or external) is ever considered, let alone expanded.
import { SaxesParser, type SaxesTagNS } from 'saxes';

export type XmlNode = {
  /** Local name for elements without a namespace (all IATI elements); `{uri}local` otherwise. */
  name: string;
  /** Attributes by name; `xml:lang` keeps its prefix, foreign-namespace ones are `{uri}local`. */
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
  /** 1-based line of the start tag. */
  line: number;
};

export class XmlRefused extends Error {
  constructor(
    readonly code: 'XML_DOCTYPE' | 'XML_MALFORMED' | 'XML_TOO_LARGE' | 'XML_ENCODING',
    message: string,
  ) {
    super(message);
    this.name = 'XmlRefused';
  }
}

export type XmlLimits = { maxBytes: number; maxElements: number; maxDepth: number };
export const DEFAULT_XML_LIMITS: XmlLimits = { maxBytes: 20 * 1024 * 1024, maxElements: 500_000, maxDepth: 40 };

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

const keyOf = (uri: string, local: string, prefix: string) =>
  uri === XML_NS ? `xml:${local}` : uri ? `{${uri}}${local}` : prefix ? `${prefix}:${local}` : local;

/** Parses a whole document into a tree, refusing DOCTYPEs, unknown entities, non-UTF-8 and oversize input. */
export function parseXml(input: Buffer, limits: XmlLimits = DEFAULT_XML_LIMITS): XmlNode {
  if (input.length > limits.maxBytes)
    throw new XmlRefused('XML_TOO_LARGE', `the file is larger than ${Math.floor(limits.maxBytes / 1024)} KB`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    throw new XmlRefused('XML_ENCODING', 'the file is not UTF-8 text');
  }
  const declared = /^\s*<\?xml[^?]*encoding\s*=\s*["']([^"']+)["']/.exec(text)?.[1];
  if (declared && !/^utf-?8$/i.test(declared))
    throw new XmlRefused('XML_ENCODING', `the file declares the encoding ${declared}; only UTF-8 is accepted`);

  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlNode[] = [];
  let root: XmlNode | null = null;
  let elements = 0;
  parser.on('doctype', () => {
    throw new XmlRefused('XML_DOCTYPE', 'the file has a DOCTYPE declaration; DTDs and entity declarations are refused');
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    elements += 1;
    if (elements > limits.maxElements)
      throw new XmlRefused('XML_TOO_LARGE', `the file has more than ${limits.maxElements} elements`);
    if (stack.length >= limits.maxDepth)
      throw new XmlRefused('XML_TOO_LARGE', `elements are nested deeper than ${limits.maxDepth} levels`);
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) {
      if (a.prefix === 'xmlns' || a.name === 'xmlns') continue;
      attrs[keyOf(a.uri, a.local, a.prefix)] = a.value;
    }
    const node: XmlNode = { name: keyOf(tag.uri, tag.local, ''), attrs, children: [], text: '', line: parser.line };
    if (stack.length === 0) root = node;
    else stack[stack.length - 1]!.children.push(node);
    stack.push(node);
  });
  const addText = (t: string) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('error', (error: Error) => {
    throw new XmlRefused('XML_MALFORMED', `the file is not well-formed XML: ${error.message}`);
  });
  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof XmlRefused) throw error;
    throw new XmlRefused('XML_MALFORMED', `the file is not well-formed XML: ${(error as Error).message}`);
  }
  if (!root) throw new XmlRefused('XML_MALFORMED', 'the file has no root element');
  return root;
}

export const child = (node: XmlNode, name: string) => node.children.find((c) => c.name === name);
export const childrenNamed = (node: XmlNode, name: string) => node.children.filter((c) => c.name === name);

// ---------- writing ----------

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;').replace(/\r/g, '&#13;').replace(/\n/g, '&#10;');
// Characters XML 1.0 cannot hold at all: dropped rather than producing a document nobody can read.
// eslint-disable-next-line no-control-regex
const stripInvalid = (s: string) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');

export type Attrs = Record<string, string | number | null | undefined>;
/** An element to write: name, attributes (null/undefined ones left out), then children or text. */
export type El = { name: string; attrs?: Attrs; children?: (El | null | undefined | false)[]; text?: string };

export const el = (name: string, attrs?: Attrs, ...children: (El | null | undefined | false)[]): El => ({
  name,
  attrs,
  children,
});
export const textEl = (name: string, text: string, attrs?: Attrs): El => ({ name, attrs, text });

/** Serialises with two-space indentation into `out` (an array of string pieces, joined once at the end). */
export function writeEl(node: El, out: string[], indent = ''): void {
  let open = `${indent}<${node.name}`;
  for (const [k, v] of Object.entries(node.attrs ?? {})) {
    if (v === null || v === undefined) continue;
    open += ` ${k}="${escapeAttr(stripInvalid(String(v)))}"`;
  }
  const kids = (node.children ?? []).filter((c): c is El => Boolean(c));
  if (node.text !== undefined) {
    out.push(`${open}>${escapeText(stripInvalid(node.text))}</${node.name}>\n`);
  } else if (kids.length === 0) {
    out.push(`${open}/>\n`);
  } else {
    out.push(`${open}>\n`);
    for (const k of kids) writeEl(k, out, `${indent}  `);
    out.push(`${indent}</${node.name}>\n`);
  }
}
