// The decompression-bomb guard counts what every stream decodes to through
// its real filter chain, wherever the stream hides: each bomb below passed
// the first guard (which scanned from `stream` to `endstream`, inflated Flate
// only and skipped images) and made pdfjs hold over 100 MB reading page 2.
// Ordinary books still pass, counted at what they really unpack to.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { checkDecodedSize, countDecodedBytes } from "@/lib/pdf/check-decoded-size";
import { bombKinds, lzwSpaces, makeBombPdf, streamObject, writePdf } from "@/tests/fixtures/make-bomb-pdfs";
import { corpusDir, corpusMissing, loadCorpusText, makeEncryptedPdf, makeNovelPdf } from "@/tests/fixtures/make-novel-pdf";

const megabyte = 1024 * 1024;

function ascii85(data: Buffer): string {
  let out = "";
  for (let offset = 0; offset < data.length; offset += 4) {
    const group = Buffer.alloc(4);
    data.copy(group, 0, offset, offset + 4);
    let value = group.readUInt32BE(0);
    const digits: string[] = [];
    for (let index = 0; index < 5; index++) {
      digits.unshift(String.fromCharCode(33 + (value % 85)));
      value = Math.floor(value / 85);
    }
    out += digits.slice(0, Math.min(4, data.length - offset) + 1).join("");
  }
  return out;
}
const latin1 = (text: string) => Buffer.from(text, "latin1");

describe("checkDecodedSize", () => {
  it.each(bombKinds)("refuses a %s bomb on page 2, counted through its real filters", async (kind) => {
    const bomb = makeBombPdf(kind, 24);
    expect(bomb.length).toBeLessThan(megabyte);
    const error = await checkDecodedSize(bomb, 16 * megabyte).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "pdf_invalid", message: expect.stringMatching(/unpacks to more than 16 MB/) });
    // Under the limit the same construction passes, counted at its size: the count is the decoded bytes, not a guess.
    const small = makeBombPdf(kind, 4);
    const counted = await countDecodedBytes(small, 16 * megabyte);
    expect(counted).toBeGreaterThanOrEqual(4 * megabyte);
    expect(counted).toBeLessThan(5 * megabyte);
    await checkDecodedSize(small, 16 * megabyte);
  });

  it("stops counting a bomb soon after the limit, without decoding the rest", async () => {
    const bomb = makeBombPdf("lzw", 512);
    expect(bomb.length).toBeLessThan(300 * 1024);
    const counted = await countDecodedBytes(bomb, 16 * megabyte);
    expect(counted).toBeGreaterThan(16 * megabyte);
    expect(counted).toBeLessThan(24 * megabyte);
  });

  it("follows an indirect /Length and /Filter, and reads /F like pdfjs", async () => {
    const data = deflateSync(Buffer.alloc(24 * megabyte, 0x20));
    const indirect = writePdf([
      latin1("<< /Type /Catalog /Pages 2 0 R >>"),
      latin1("<< /Type /Pages /Kids [] /Count 0 >>"),
      Buffer.concat([latin1("<< /Length 4 0 R /Filter 5 0 R >>\nstream\n"), data, latin1("\nendstream")]),
      latin1(String(data.length)),
      latin1("[/FlateDecode]"),
    ]);
    expect(await countDecodedBytes(indirect, 64 * megabyte)).toBe(24 * megabyte);
    const shortName = writePdf([latin1("<< /Type /Catalog >>"), streamObject("/F /Fl", data)]);
    expect(await countDecodedBytes(shortName, 64 * megabyte)).toBe(24 * megabyte);
  });

  it("counts Brotli, which pdfjs also decodes, and RunLength after ASCII85", async () => {
    const brotli = brotliCompressSync(Buffer.alloc(24 * megabyte, 0x20), { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } });
    const viaBrotli = writePdf([latin1("<< /Type /Catalog >>"), streamObject("/Filter /BrotliDecode", brotli)]);
    expect(await countDecodedBytes(viaBrotli, 64 * megabyte)).toBe(24 * megabyte);
    // 200 runs of 128 spaces, then end of data, written in ASCII85.
    const runs = Buffer.concat([Buffer.from(Array.from({ length: 200 }, () => [129, 0x20]).flat()), Buffer.from([128])]);
    const viaAscii85 = writePdf([latin1("<< /Type /Catalog >>"), streamObject("/Filter [/A85 /RL]", latin1(`${ascii85(runs)}~>`))]);
    expect(await countDecodedBytes(viaAscii85, 64 * megabyte)).toBe(runs.length + 200 * 128);
  });

  it("decodes LZW with /EarlyChange 0 as its parameters say", async () => {
    const pdf = writePdf([
      latin1("<< /Type /Catalog >>"),
      streamObject("/Filter /LZWDecode /DecodeParms << /EarlyChange 0 >>", lzwSpaces(3, 0)),
    ]);
    const counted = await countDecodedBytes(pdf, 64 * megabyte);
    expect(counted).toBeGreaterThanOrEqual(3 * megabyte);
    expect(counted).toBeLessThan(3 * megabyte + 8192);
  });

  it("refuses a filter it cannot resolve rather than guess", async () => {
    const pdf = writePdf([latin1("<< /Type /Catalog >>"), streamObject("/Filter 9 0 R", deflateSync(Buffer.alloc(1000)))]);
    await expect(checkDecodedSize(pdf, 16 * megabyte)).rejects.toMatchObject({ code: "pdf_invalid" });
  });

  it("refuses a file built to make the check slow, where every candidate object runs to the end", async () => {
    // An unclosed dictionary after every `obj`: read naively, each one is read to the end of the file.
    const dictionaries = Buffer.from(`%PDF-1.7\n${"1 0 obj << /A [ ".repeat(40_000)}\n%%EOF\n`, "latin1");
    await expect(checkDecodedSize(dictionaries, 16 * megabyte)).rejects.toMatchObject({ code: "pdf_invalid", message: expect.stringMatching(/cannot be checked safely/) });
    // A stream after every `obj` whose data (with a filter that reads without writing) runs to the end.
    const streams = Buffer.from(`%PDF-1.7\n${"1 0 obj << /Filter /AHx >> stream\nzz ".repeat(40_000)}\n%%EOF\n`, "latin1");
    await expect(checkDecodedSize(streams, 16 * megabyte)).rejects.toMatchObject({ code: "pdf_invalid", message: expect.stringMatching(/cannot be checked safely/) });
  });

  it("refuses an encrypted file before pdfjs decrypts and decodes any of it", async () => {
    for (const userPassword of ["secret", ""]) {
      const error = await checkDecodedSize(makeEncryptedPdf({ userPassword }), 16 * megabyte).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: "pdf_encrypted", message: expect.stringMatching(/password/) });
    }
  });

  it("passes a book made like a novel, counted at what its streams unpack to", async () => {
    const novel = await makeNovelPdf({ text: loadCorpusText("bovary", { words: 6000 }), pages: 20, title: "Madame Bovary" });
    const counted = await countDecodedBytes(novel, 200 * megabyte);
    expect(counted).toBeGreaterThan(novel.length);
    expect(counted).toBeLessThan(10 * megabyte);
    await checkDecodedSize(novel, 200 * megabyte);
  });

  it.skipIf(corpusMissing())("passes the corpus's typeset PDFs", async () => {
    const folder = path.join(corpusDir, "pdf");
    const files = readdirSync(folder).filter((name) => name.endsWith(".pdf"));
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) {
      const bytes = new Uint8Array(readFileSync(path.join(folder, name)));
      await checkDecodedSize(bytes, 200 * megabyte);
      expect(await countDecodedBytes(bytes, 200 * megabyte), name).toBeGreaterThan(bytes.length);
    }
  });
});
