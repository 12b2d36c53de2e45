import { fileTypeFromBuffer } from "file-type";
import { describe, expect, it } from "vitest";
import {
  ACCEPTED_TYPES,
  acceptedType,
  cleanFileName,
  contentDisposition,
  describeContent,
  extensionOf,
  extensionRefusal,
  formatMegabytes,
  looksLikeText,
  megabytes,
  SESSION_DOCUMENT_TYPES,
  sizeRefusal,
  typeRefusal,
} from "./check.ts";
import {
  sampleDocx,
  sampleJpeg,
  sampleOdt,
  samplePdf,
  samplePng,
  samplePptx,
  sampleXlsx,
  sampleZip,
} from "./testing.ts";

const type = (label: string) => ACCEPTED_TYPES.find((t) => t.label === label)!;
const text = (s: string) => new TextEncoder().encode(s);

describe("the accepted types, judged by content", () => {
  it("accepts a real PDF, DOCX, XLSX, ODT, PNG and JPEG as what they are", async () => {
    const samples: [string, Buffer][] = [
      ["PDF", samplePdf()],
      ["DOCX", sampleDocx()],
      ["XLSX", sampleXlsx()],
      ["ODT", sampleOdt()],
      ["PNG", samplePng()],
      ["JPEG", sampleJpeg()],
    ];
    for (const [label, bytes] of samples) {
      expect(acceptedType(await fileTypeFromBuffer(bytes))?.label, label).toBe(label);
      expect(typeRefusal(await fileTypeFromBuffer(bytes), bytes)).toBeNull();
    }
  });

  it("refuses a ZIP archive, naming it and the accepted types", async () => {
    const zip = sampleZip();
    expect(typeRefusal(await fileTypeFromBuffer(zip), zip)).toEqual({
      rule: "file_type_not_allowed",
      message: "the content is a ZIP archive, not one of PDF, DOCX, XLSX, ODT, PNG, JPEG",
    });
  });

  it("takes a PowerPoint for a session's slides but not for a bid", async () => {
    const bytes = samplePptx();
    const detected = await fileTypeFromBuffer(bytes);
    expect(typeRefusal(detected, bytes)?.message).toBe(
      "the content is a PowerPoint presentation (PPTX), not one of PDF, DOCX, XLSX, ODT, PNG, JPEG",
    );
    expect(typeRefusal(detected, bytes, SESSION_DOCUMENT_TYPES)).toBeNull();
    expect(acceptedType(detected, SESSION_DOCUMENT_TYPES)?.extensions).toEqual(["pptx"]);
    const zip = sampleZip();
    expect(typeRefusal(await fileTypeFromBuffer(zip), zip, SESSION_DOCUMENT_TYPES)?.message).toBe(
      "the content is a ZIP archive, not one of PDF, DOCX, XLSX, ODT, PNG, JPEG, PPTX, ODP",
    );
  });

  it("refuses plain text, even one that starts like a PDF's name", async () => {
    const bytes = text("PDF: Bekwaamheidsdossier\r\nregel 2\tkolom");
    const refusal = typeRefusal(await fileTypeFromBuffer(bytes), bytes);
    expect(refusal?.message).toBe("the content is plain text, not one of PDF, DOCX, XLSX, ODT, PNG, JPEG");
  });

  it("names what it finds when it knows the kind, and the media type when it does not", () => {
    expect(describeContent({ ext: "gif", mime: "image/gif" }, new Uint8Array())).toBe("a GIF image");
    expect(describeContent({ ext: "xyz", mime: "application/x-xyz" }, new Uint8Array())).toBe(
      "a .xyz file (application/x-xyz)",
    );
    expect(describeContent(undefined, new Uint8Array([0, 1, 2, 0xff]))).toBe(
      "not a kind of file that could be recognised",
    );
  });

  it("reads text as text only when it is UTF-8 without control characters", () => {
    expect(looksLikeText(text("Coöperatie i.o.\n"))).toBe(true);
    // a character cut in two at the end of the sample is still text
    expect(looksLikeText(text("één").subarray(0, 2))).toBe(true);
    expect(looksLikeText(new Uint8Array([0x41, 0x00, 0x42]))).toBe(false);
    expect(looksLikeText(new Uint8Array([0xc3, 0x28]))).toBe(false);
    expect(looksLikeText(new Uint8Array())).toBe(false);
  });
});

describe("the name's extension agrees with the content", () => {
  it("accepts the content's own extensions in any case, and a name without one", () => {
    expect(extensionRefusal("Dossier.PDF", type("PDF"))).toBeNull();
    expect(extensionRefusal("foto.jpeg", type("JPEG"))).toBeNull();
    expect(extensionRefusal("foto.JPG", type("JPEG"))).toBeNull();
    expect(extensionRefusal("dossier", type("PDF"))).toBeNull();
  });

  it("refuses a .pdf that is a PNG, and a .docx that is an XLSX", () => {
    expect(extensionRefusal("dossier.pdf", type("PNG"))).toEqual({
      rule: "file_extension_mismatch",
      message: "the name ends in .pdf but the content is a PNG file; rename it to .png",
    });
    expect(extensionRefusal("begroting.docx", type("XLSX"))?.rule).toBe("file_extension_mismatch");
    expect(extensionRefusal("oud.doc", type("DOCX"))?.rule).toBe("file_extension_mismatch");
  });

  it("ignores a dot that is no extension", () => {
    expect(extensionOf("offerte.v2")).toBe("v2");
    expect(extensionRefusal("offerte.v2", type("PDF"))).toBeNull();
    expect(extensionRefusal("Bijlage 3. Referenties", type("PDF"))).toBeNull();
    expect(extensionOf("geen-extensie")).toBeNull();
  });
});

describe("the size limit", () => {
  it("allows the limit itself and refuses one byte more, naming the limit in MB", () => {
    const max = megabytes(25);
    expect(max).toBe(26_214_400);
    expect(sizeRefusal(max, max)).toBeNull();
    expect(sizeRefusal(max + 1, max)).toEqual({
      rule: "file_too_large",
      message: "the file is larger than the limit of 25 MB",
    });
  });

  it("refuses an empty file", () => {
    expect(sizeRefusal(0, megabytes(1))).toEqual({ rule: "file_empty", message: "the file is empty" });
  });

  it("formats limits as people read them", () => {
    expect(formatMegabytes(megabytes(1))).toBe("1 MB");
    expect(formatMegabytes(megabytes(1) / 2)).toBe("0.5 MB");
    expect(formatMegabytes(1_500_000)).toBe("1.4 MB");
  });
});

describe("the name as kept and sent back", () => {
  it("drops folders a browser sends along and control characters", () => {
    expect(cleanFileName("C:\\fakepath\\Dossier Zorgpartners.pdf", type("PDF"))).toBe("Dossier Zorgpartners.pdf");
    expect(cleanFileName("../../etc/passwd.pdf", type("PDF"))).toBe("passwd.pdf");
    expect(cleanFileName("a\u0000b\u0007c.pdf", type("PDF"))).toBe("abc.pdf");
    expect(cleanFileName("  twee   spaties .pdf ", type("PDF"))).toBe("twee spaties .pdf");
  });

  it("names a nameless file after its content, and shortens a long name keeping the extension", () => {
    expect(cleanFileName("", type("DOCX"))).toBe("document.docx");
    expect(cleanFileName(undefined, type("JPEG"))).toBe("document.jpg");
    const long = cleanFileName(`${"a".repeat(300)}.xlsx`, type("XLSX"));
    expect(long.length).toBe(200);
    expect(long.endsWith("a.xlsx")).toBe(true);
  });

  it("sends an ASCII fallback and the exact UTF-8 name", () => {
    expect(contentDisposition('Coöperatie "Achterhoek" (concept).pdf')).toBe(
      "attachment; filename=\"Cooperatie _Achterhoek_ (concept).pdf\"; filename*=UTF-8''Co%C3%B6peratie%20%22Achterhoek%22%20%28concept%29.pdf",
    );
  });
});
