// pdf.js (the engine in Firefox) as a judge of our PDFs: for each page, the text that
// getTextContent extracts, and the page rendered to a PNG (through @napi-rs/canvas), so the
// test can check that the glyphs are drawn, not only listed. Also every warning pdf.js gave
// (a font it could not load, a glyph it could not find).
//   node judge.mjs FILE.pdf OUT_FOLDER [DPI]   -> JSON on stdout; OUT_FOLDER/p-N.png
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { createCanvas } from "@napi-rs/canvas";
import { getDocument, VerbosityLevel } from "pdfjs-dist/legacy/build/pdf.mjs";

const require = createRequire(import.meta.url);
const [file, out, dpiText] = process.argv.slice(2);
const scale = Number(dpiText || 72) / 72;
const warnings = [];
const log = console.log;
console.log = (...args) => warnings.push(args.join(" "));  // pdf.js warns through console.log
const fonts = join(require.resolve("pdfjs-dist/package.json"), "..", "standard_fonts") + "/";

const pdf = await getDocument({
  data: new Uint8Array(readFileSync(file)),
  standardFontDataUrl: fonts,
  useSystemFonts: false,  // draw only what the PDF embeds
  verbosity: VerbosityLevel.WARNINGS,
}).promise;
const pages = [];
for (let n = 1; n <= pdf.numPages; n++) {
  const page = await pdf.getPage(n);
  const content = await page.getTextContent();
  const viewport = page.getViewport({ scale });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const context = canvas.getContext("2d");
  context.fillStyle = "white";
  context.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({ canvasContext: context, canvas, viewport }).promise;
  writeFileSync(join(out, `p-${n}.png`), canvas.toBuffer("image/png"));
  pages.push({ text: content.items.map((item) => item.str + (item.hasEOL ? "\n" : "")).join("") });
}
const meta = await pdf.getMetadata();
console.log = log;
console.log(JSON.stringify({ pages, warnings, title: meta.info.Title ?? null,
  language: meta.info.Language ?? null }));
