/** subset-font ships no types; this is the part certificates use. */
declare module 'subset-font' {
  interface SubsetFontOptions {
    /** 'truetype' is an alias of 'sfnt'. */
    targetFormat?: 'sfnt' | 'truetype' | 'woff' | 'woff2';
    preserveNameIds?: number[];
    noLayoutClosure?: boolean;
    noHinting?: boolean;
    dropTables?: string[];
  }
  export default function subsetFont(font: Buffer, text: string, options?: SubsetFontOptions): Promise<Buffer>;
}
