import { createRequire } from 'node:module';
import type * as JpegJs from 'jpeg-js';
import type * as PngJs from 'pngjs';

/**
 * Generated stand-ins for the documents applicants upload: ID card sides, a
 * half-length photo and a stamped authorization letter. Real JPEG, PNG and PDF
 * files (the intake API sniffs their content), readable at a glance in the
 * workspace. Used by the demo seeding and the tests.
 *
 * `jpeg-js`, `pngjs` and `pdfkit` are development dependencies (see
 * docs/decisions/dependencies-split.md): they are loaded on first use, never by
 * importing this file, so a desk installed with `npm ci --omit=dev` starts
 * without them and only the demo's seeding asks for them.
 */

/** A package the demo draws its documents with is not installed. */
export class DemoPackageMissingError extends Error {
  constructor(
    readonly packageName: string,
    options?: ErrorOptions,
  ) {
    super(
      `The demo draws its documents with '${packageName}', a development dependency this installation lacks (installed with --omit=dev?). Install with \`npm ci\` to play the demo, or start the desk with DATABASE_URL set and DEMO_MODE unset.`,
      options,
    );
    this.name = 'DemoPackageMissingError';
  }
}

const missing = (error: unknown, packageName: string): boolean =>
  error instanceof Error &&
  ['MODULE_NOT_FOUND', 'ERR_MODULE_NOT_FOUND'].includes((error as { code?: string }).code ?? '') &&
  error.message.includes(`'${packageName}'`);

const requirePackage = createRequire(import.meta.url);

/** A CommonJS package loaded synchronously on first use (the image encoders are synchronous). */
function demoPackage<T>(packageName: string): T {
  try {
    return requirePackage(packageName) as T;
  } catch (error) {
    if (missing(error, packageName))
      throw new DemoPackageMissingError(packageName, { cause: error });
    throw error;
  }
}

let jpegJs: typeof JpegJs | undefined;
let pngJs: typeof PngJs | undefined;
const jpeg = (): typeof JpegJs => (jpegJs ??= demoPackage<typeof JpegJs>('jpeg-js'));
const png = (): typeof PngJs => (pngJs ??= demoPackage<typeof PngJs>('pngjs'));

async function pdfKit() {
  try {
    return (await import('pdfkit')).default;
  } catch (error) {
    if (missing(error, 'pdfkit')) throw new DemoPackageMissingError('pdfkit', { cause: error });
    throw error;
  }
}

/**
 * Loads the three packages now, so the demo's seeding fails with one sentence
 * before it writes anything rather than half-way through its history.
 */
export async function loadDemoDocumentPackages(): Promise<void> {
  jpeg();
  png();
  await pdfKit();
}

type Rgb = [number, number, number];

class Canvas {
  readonly data: Buffer;
  constructor(
    readonly width: number,
    readonly height: number,
    background: Rgb,
  ) {
    this.data = Buffer.alloc(width * height * 4);
    this.rect(0, 0, width, height, background);
  }

  rect(x: number, y: number, w: number, h: number, [r, g, b]: Rgb): void {
    for (let row = Math.max(0, y); row < Math.min(this.height, y + h); row += 1) {
      for (let col = Math.max(0, x); col < Math.min(this.width, x + w); col += 1) {
        const offset = (row * this.width + col) * 4;
        this.data[offset] = r;
        this.data[offset + 1] = g;
        this.data[offset + 2] = b;
        this.data[offset + 3] = 255;
      }
    }
  }

  circle(cx: number, cy: number, radius: number, color: Rgb, ring = 0): void {
    for (let y = cy - radius; y <= cy + radius; y += 1) {
      for (let x = cx - radius; x <= cx + radius; x += 1) {
        const d = Math.hypot(x - cx, y - cy);
        if (d <= radius && (ring === 0 || d >= radius - ring)) this.rect(x, y, 1, 1, color);
      }
    }
  }

  /** Text in a 5×7 bitmap font (digits, capitals and a few signs), `scale` pixels per dot. */
  text(x: number, y: number, value: string, scale: number, color: Rgb): void {
    let cursor = x;
    for (const character of value.toUpperCase()) {
      const glyph = FONT[character] ?? FONT['?']!;
      glyph.forEach((bits, row) => {
        for (let col = 0; col < 5; col += 1) {
          if (bits & (1 << (4 - col)))
            this.rect(cursor + col * scale, y + row * scale, scale, scale, color);
        }
      });
      cursor += 6 * scale;
    }
  }
}

// 5×7 glyphs, one number per row (bit 4 = leftmost column).
const FONT: Record<string, number[]> = {
  ' ': [0, 0, 0, 0, 0, 0, 0],
  '?': [14, 17, 1, 2, 4, 0, 4],
  '-': [0, 0, 0, 31, 0, 0, 0],
  '.': [0, 0, 0, 0, 0, 12, 12],
  ':': [0, 12, 12, 0, 12, 12, 0],
  '*': [0, 4, 21, 14, 21, 4, 0],
  '/': [1, 2, 2, 4, 8, 8, 16],
  '0': [14, 17, 19, 21, 25, 17, 14],
  '1': [4, 12, 4, 4, 4, 4, 14],
  '2': [14, 17, 1, 2, 4, 8, 31],
  '3': [31, 2, 4, 2, 1, 17, 14],
  '4': [2, 6, 10, 18, 31, 2, 2],
  '5': [31, 16, 30, 1, 1, 17, 14],
  '6': [6, 8, 16, 30, 17, 17, 14],
  '7': [31, 1, 2, 4, 8, 8, 8],
  '8': [14, 17, 17, 14, 17, 17, 14],
  '9': [14, 17, 17, 15, 1, 2, 12],
  A: [14, 17, 17, 31, 17, 17, 17],
  B: [30, 17, 17, 30, 17, 17, 30],
  C: [14, 17, 16, 16, 16, 17, 14],
  D: [28, 18, 17, 17, 17, 18, 28],
  E: [31, 16, 16, 30, 16, 16, 31],
  F: [31, 16, 16, 30, 16, 16, 16],
  G: [14, 17, 16, 23, 17, 17, 15],
  H: [17, 17, 17, 31, 17, 17, 17],
  I: [14, 4, 4, 4, 4, 4, 14],
  J: [7, 2, 2, 2, 2, 18, 12],
  K: [17, 18, 20, 24, 20, 18, 17],
  L: [16, 16, 16, 16, 16, 16, 31],
  M: [17, 27, 21, 21, 17, 17, 17],
  N: [17, 17, 25, 21, 19, 17, 17],
  O: [14, 17, 17, 17, 17, 17, 14],
  P: [30, 17, 17, 30, 16, 16, 16],
  Q: [14, 17, 17, 17, 21, 18, 13],
  R: [30, 17, 17, 30, 20, 18, 17],
  S: [15, 16, 16, 14, 1, 1, 30],
  T: [31, 4, 4, 4, 4, 4, 4],
  U: [17, 17, 17, 17, 17, 17, 14],
  V: [17, 17, 17, 17, 17, 10, 4],
  W: [17, 17, 17, 21, 21, 21, 10],
  X: [17, 17, 10, 4, 10, 17, 17],
  Y: [17, 17, 10, 4, 4, 4, 4],
  Z: [31, 1, 2, 4, 8, 16, 31],
};

export interface IdCardFace {
  /** Romanised name, e.g. "WANG XIAOMING" (the bitmap font has no Chinese glyphs). */
  name: string;
  idNumber: string;
  /** Varies the colours a little, so two people's cards do not hash alike. */
  seed: number;
}

function idCardFront(face: IdCardFace): Canvas {
  const canvas = new Canvas(856, 540, [236, 242, 246]);
  const tint = (face.seed * 37) % 40;
  canvas.rect(0, 0, 856, 70, [40 + tint, 90, 150]);
  canvas.text(28, 20, 'RESIDENT IDENTITY CARD', 4, [255, 255, 255]);
  canvas.rect(600, 110, 210, 260, [205, 214, 222]);
  canvas.circle(705, 200, 55, [150 + tint, 120, 100]);
  canvas.rect(635, 265, 140, 105, [70, 90 + tint, 130]);
  canvas.text(40, 120, 'NAME', 3, [90, 100, 110]);
  canvas.text(40, 150, face.name.slice(0, 22), 5, [20, 30, 40]);
  canvas.text(40, 230, 'SEX  M/F    ETHNIC  HAN', 3, [60, 70, 80]);
  canvas.text(40, 290, 'ADDRESS', 3, [90, 100, 110]);
  canvas.text(40, 320, `NO ${100 + (face.seed % 800)} WENSAN ROAD`, 3, [20, 30, 40]);
  canvas.text(40, 350, 'HANGZHOU ZHEJIANG', 3, [20, 30, 40]);
  canvas.text(40, 440, 'CITIZEN ID NUMBER', 3, [90, 100, 110]);
  canvas.text(40, 470, face.idNumber, 5, [20, 30, 40]);
  return canvas;
}

function idCardBack(face: IdCardFace): Canvas {
  const canvas = new Canvas(856, 540, [238, 240, 232]);
  canvas.circle(140, 160, 90, [200, 40, 40], 10);
  canvas.circle(140, 160, 30, [200, 40, 40]);
  canvas.text(280, 110, 'PEOPLES REPUBLIC OF CHINA', 4, [150, 30, 30]);
  canvas.text(280, 170, 'RESIDENT IDENTITY CARD', 4, [150, 30, 30]);
  canvas.text(60, 360, 'ISSUED BY  HANGZHOU PSB', 3, [30, 30, 30]);
  const year = 2016 + (face.seed % 8);
  canvas.text(60, 420, `VALID  ${year}.05.01-${year + 20}.05.01`, 3, [30, 30, 30]);
  canvas.text(60, 480, `CARD NO ${face.idNumber.slice(-8)}-${face.seed}`, 2, [90, 90, 90]);
  return canvas;
}

function halfLengthPhoto(face: IdCardFace): Canvas {
  const canvas = new Canvas(720, 960, [214, 222, 230]);
  const tint = (face.seed * 53) % 50;
  canvas.circle(360, 300, 130, [170 + tint, 135, 110]);
  canvas.rect(170, 430, 380, 530, [60, 70 + tint, 110]);
  // The card held up in front of the chest.
  canvas.rect(230, 560, 260, 165, [236, 242, 246]);
  canvas.rect(230, 560, 260, 22, [40, 90, 150]);
  canvas.text(240, 650, face.idNumber.slice(0, 18), 2, [20, 30, 40]);
  canvas.text(40, 30, `HALF LENGTH PHOTO  ${face.name.slice(0, 24)}`, 3, [60, 70, 80]);
  canvas.text(40, 920, `REF ${face.seed}`, 2, [90, 100, 110]);
  return canvas;
}

const toPng = (canvas: Canvas): Buffer => {
  const { PNG } = png();
  const image = new PNG({ width: canvas.width, height: canvas.height });
  canvas.data.copy(image.data);
  return PNG.sync.write(image);
};

const toJpeg = (canvas: Canvas, quality = 80): Buffer =>
  jpeg().encode({ data: canvas.data, width: canvas.width, height: canvas.height }, quality).data;

export const documentImages = {
  idFrontJpeg: (face: IdCardFace): Buffer => toJpeg(idCardFront(face)),
  idBackJpeg: (face: IdCardFace): Buffer => toJpeg(idCardBack(face)),
  idFrontPng: (face: IdCardFace): Buffer => toPng(idCardFront(face)),
  halfLengthPhotoJpeg: (face: IdCardFace): Buffer => toJpeg(halfLengthPhoto(face), 75),
};

/** A one-page authorization letter with a red seal, as a real PDF. */
export async function authorizationLetterPdf(letter: {
  company: string;
  applicant: string;
  filingNumber: string;
  date: string;
}): Promise<Buffer> {
  const PDFDocument = await pdfKit();
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({
      size: 'A4',
      margin: 64,
      info: {
        Title: 'Authorization letter',
        Producer: 'beian-desk demo',
        CreationDate: new Date(0),
      },
    });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.fontSize(20).text('Letter of Authorization', { align: 'center' }).moveDown(1.5);
    pdf
      .fontSize(12)
      .text(
        `${letter.company} authorizes ${letter.applicant} to apply, on its behalf, for the initialization of the ICP Filing account email of filing ${letter.filingNumber}, and to receive the new account.`,
        { align: 'justify' },
      );
    pdf.moveDown(4).text(`Company seal and date: ${letter.date}`, { align: 'right' });
    pdf.save().lineWidth(4).strokeColor('#c0282d').circle(430, 430, 70).stroke();
    pdf.fillColor('#c0282d').fontSize(10).text('COMPANY SEAL', 390, 425);
    pdf.restore();
    pdf.end();
  });
}
