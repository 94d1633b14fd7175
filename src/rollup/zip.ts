/**
 * A small reader of the zip container of an .xlsx, the same in Node and in the browser: the central
 * directory is parsed here and each part is inflated on demand by the platform's own
 * DecompressionStream("deflate-raw") (Node 18+, current browsers), several times faster than a
 * JavaScript inflate. Where the platform lacks it (old webviews), JSZip, which ExcelJS brings, is
 * loaded instead. Only the parts the roll-up needs are ever inflated (not styles, themes, images).
 */

/** The bytes are not a zip archive we can read (not an .xlsx, cut short, encrypted, zip64). */
export class ZipError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
    this.name = "ZipError";
  }
}

export interface ZipArchive {
  /** Part names as stored (no leading slash), e.g. xl/workbook.xml. */
  readonly names: readonly string[];
  has(name: string): boolean;
  /** A part's text (UTF-8), or null when there is no such part. Throws ZipError when it cannot be inflated. */
  text(name: string): Promise<string | null>;
}

interface Entry {
  method: number;
  flags: number;
  compressedSize: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const notZip = (why: string, whyEn: string) => new ZipError(`不是有效的 .xlsx 文件（${why}）`, `not a valid .xlsx file (${whyEn})`);

type Inflate = (data: Uint8Array) => Promise<Uint8Array>;

async function inflateNative(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const decoder = new TextDecoder("utf-8");

/**
 * Opens an archive; throws ZipError for bytes that are not one. `inflate`: the caller's raw
 * inflater (Node's zlib), else the platform's DecompressionStream, else JSZip.
 */
export async function openZip(bytes: Uint8Array, inflate?: (data: Uint8Array) => Uint8Array | Promise<Uint8Array>): Promise<ZipArchive> {
  if (inflate) return openNative(bytes, async (d) => inflate(d));
  if (typeof DecompressionStream === "undefined") return openWithJsZip(bytes);
  return openNative(bytes, inflateNative);
}

function openNative(bytes: Uint8Array, inflate: Inflate): ZipArchive {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 22) throw notZip("文件太短", "too short");
  // The end-of-central-directory record: within the last 64 KiB + 22 bytes (a comment may follow it).
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) {
    // An encrypted workbook is an OLE compound file, not a zip: say so, it is a common case.
    const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
    if (ole) throw notZip("是加密的工作簿或旧的 .xls 格式", "an encrypted workbook or an old .xls file");
    throw notZip("不是 zip 压缩包或已损坏", "not a zip archive, or damaged");
  }
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff) throw notZip("zip64 格式", "zip64 format");
  if (cdOffset + cdSize > bytes.length) throw notZip("文件不完整", "cut short");
  const entries = new Map<string, Entry>();
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL) throw notZip("目录已损坏", "damaged directory");
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const localOffset = view.getUint32(p + 42, true);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)).replace(/^\/+/, "");
    entries.set(name, { method, flags, compressedSize, localOffset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  const names = [...entries.keys()];
  // Part names are case-insensitive in OPC; find them whatever case a writer chose.
  const lower = new Map(names.map((n) => [n.toLowerCase(), n]));
  const find = (name: string) => entries.get(name) ?? entries.get(lower.get(name.toLowerCase()) ?? "");
  return {
    names,
    has: (name) => find(name) != null,
    async text(name) {
      const e = find(name);
      if (!e) return null;
      if (e.flags & 1) throw notZip("已加密", "encrypted");
      const l = e.localOffset;
      if (l + 30 > bytes.length || view.getUint32(l, true) !== LOCAL) throw notZip(`${name} 已损坏`, `${name} is damaged`);
      const start = l + 30 + view.getUint16(l + 26, true) + view.getUint16(l + 28, true);
      const data = bytes.subarray(start, start + e.compressedSize);
      if (start + e.compressedSize > bytes.length) throw notZip("文件不完整", "cut short");
      let raw: Uint8Array;
      if (e.method === 0) raw = data;
      else if (e.method === 8) {
        try {
          raw = await inflate(data);
        } catch {
          throw notZip(`${name} 无法解压`, `${name} cannot be inflated`);
        }
      } else throw notZip(`不支持的压缩方式 ${e.method}`, `unsupported compression method ${e.method}`);
      return decoder.decode(raw);
    },
  };
}

async function openWithJsZip(bytes: Uint8Array): Promise<ZipArchive> {
  const { default: JSZip } = await import("jszip");
  let zip: InstanceType<typeof JSZip>;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw notZip("不是 zip 压缩包或已损坏", "not a zip archive, or damaged");
  }
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  const lower = new Map(names.map((n) => [n.toLowerCase(), n]));
  const find = (name: string) => zip.file(name) ?? zip.file(lower.get(name.toLowerCase()) ?? "\u0000");
  return {
    names,
    has: (name) => find(name) != null,
    async text(name) {
      const f = find(name);
      if (!f) return null;
      try {
        return await f.async("string");
      } catch {
        throw notZip(`${name} 无法解压`, `${name} cannot be inflated`);
      }
    },
  };
}
