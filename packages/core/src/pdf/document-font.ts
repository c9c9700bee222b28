import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** A font file to embed in documents (certificates, notices), with the licence it is shipped under. */
export interface DocumentFont {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly licence: string;
}

/** Debian's fonts-ipamj-mincho: the mincho official documents use, with every MJ character and IVS. */
const IPAMJ_MINCHO_PATH = '/usr/share/fonts/truetype/ipamj/ipamjm.ttf';

/** The package exports no file paths, so the font is found beside its resolved entry point. */
function notoSansJpPath(): string {
  const entry = createRequire(import.meta.url).resolve('@embedpdf/fonts-jp');
  return join(dirname(dirname(entry)), 'fonts', 'NotoSansJP-Regular.otf');
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function readDocumentFont(): Promise<DocumentFont> {
  if (await isFile(IPAMJ_MINCHO_PATH)) {
    return {
      name: 'IPAmjMincho',
      bytes: new Uint8Array(await readFile(IPAMJ_MINCHO_PATH)),
      licence: 'IPA Font License Agreement v1.0',
    };
  }
  // A fresh clone without the Debian package still renders, in gothic, from an npm dependency.
  return {
    name: 'NotoSansJP-Regular',
    bytes: new Uint8Array(await readFile(notoSansJpPath())),
    licence: 'SIL Open Font License 1.1',
  };
}

let cached: Promise<DocumentFont> | undefined;

/** The font files are 4–46 MB, so they are read once per process. */
export function loadDocumentFont(): Promise<DocumentFont> {
  cached ??= readDocumentFont().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}
