// The kinds of evidence and documents the office keeps, recognised by their first bytes: a file is
// accepted only when its content is of the kind its name claims.
type FileKind = { extensions: string[]; mime: string; matches: (head: Buffer) => boolean };

const startsWith =
  (bytes: number[], offset = 0) =>
  (head: Buffer) =>
    bytes.every((b, i) => head[offset + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const ZIP = startsWith([0x50, 0x4b, 0x03, 0x04]);
const OLE = startsWith([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export const FILE_KINDS: FileKind[] = [
  { extensions: ['jpg', 'jpeg'], mime: 'image/jpeg', matches: startsWith([0xff, 0xd8, 0xff]) },
  { extensions: ['png'], mime: 'image/png', matches: startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  {
    extensions: ['gif'],
    mime: 'image/gif',
    matches: (h) => startsWith(ascii('GIF87a'))(h) || startsWith(ascii('GIF89a'))(h),
  },
  {
    extensions: ['webp'],
    mime: 'image/webp',
    matches: (h) => startsWith(ascii('RIFF'))(h) && startsWith(ascii('WEBP'), 8)(h),
  },
  { extensions: ['pdf'], mime: 'application/pdf', matches: startsWith(ascii('%PDF-')) },
  {
    extensions: ['docx'],
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    matches: ZIP,
  },
  { extensions: ['xlsx'], mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', matches: ZIP },
  {
    extensions: ['pptx'],
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    matches: ZIP,
  },
  { extensions: ['doc'], mime: 'application/msword', matches: OLE },
  { extensions: ['xls'], mime: 'application/vnd.ms-excel', matches: OLE },
  { extensions: ['ppt'], mime: 'application/vnd.ms-powerpoint', matches: OLE },
];

export const ACCEPTED_EXTENSIONS = FILE_KINDS.flatMap((k) => k.extensions);

export const extensionOf = (filename: string) => /\.([A-Za-z0-9]{1,8})$/.exec(filename)?.[1]?.toLowerCase() ?? '';

/** The MIME type when the content is of the kind the file name says, otherwise a reason to refuse. */
export function detectType(filename: string, head: Buffer): { mime: string } | { problem: string } {
  const ext = extensionOf(filename);
  const kind = FILE_KINDS.find((k) => k.extensions.includes(ext));
  if (!kind)
    return {
      problem: `files of type .${ext || '(none)'} are not accepted; accepted: ${ACCEPTED_EXTENSIONS.join(', ')}`,
    };
  if (!kind.matches(head)) return { problem: `the content is not a .${ext} file` };
  return { mime: kind.mime };
}

/** A file name safe to store and to send back in Content-Disposition: no paths, no control characters. */
export function sanitizeFilename(name: string): string {
  const base = name.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    // Control characters, characters Windows forbids, and bidirectional overrides (name spoofing).
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u001f\u007f<>:"|?*\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+/, '')
    .trim();
  const ext = extensionOf(cleaned);
  const stem = ext ? cleaned.slice(0, -(ext.length + 1)) : cleaned;
  const short = [...stem].slice(0, 100).join('');
  return short ? (ext ? `${short}.${ext}` : short) : `document${ext ? `.${ext}` : ''}`;
}
