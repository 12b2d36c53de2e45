// PDF documents through pdfmake, set up once for every module that makes one (the bid receipt, the
// Nota van Inlichtingen): Roboto embedded from pdfmake's own package, nothing fetched from the
// network, and nothing read from the disk but those fonts.
import { createRequire } from "node:module";
import path from "node:path";
import pdfmake from "pdfmake";
import type { TDocumentDefinitions } from "pdfmake/interfaces";

const FONTS = path.join(
  path.dirname(createRequire(import.meta.url).resolve("pdfmake/package.json")),
  "fonts",
  "Roboto",
);

let configured = false;
function configure() {
  if (configured) return;
  pdfmake.setFonts({
    Roboto: {
      normal: path.join(FONTS, "Roboto-Regular.ttf"),
      bold: path.join(FONTS, "Roboto-Medium.ttf"),
      italics: path.join(FONTS, "Roboto-Italic.ttf"),
      bolditalics: path.join(FONTS, "Roboto-MediumItalic.ttf"),
    },
  });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(FONTS + path.sep));
  configured = true;
}

/** The document as PDF bytes. */
export function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  configure();
  return pdfmake.createPdf(definition).getBuffer();
}
