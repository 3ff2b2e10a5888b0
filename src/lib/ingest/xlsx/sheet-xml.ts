import type { WorkbookCell, WorkbookSheet } from '../workbook.ts';
import { dateOfSerial } from './cell-value.ts';
import { readXml, type XmlHandler } from './xml.ts';

/** What a sheet's cells need from the rest of the workbook. */
export interface SheetContext {
  sharedStrings: readonly string[];
  /** By cell style index (`s`): whether its number format shows a date. */
  dateStyles: readonly boolean[];
  date1904: boolean;
}

/** Returns the 0-based column of a cell reference's letters (`AB12` → 27), or -1. */
function columnOf(ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return i === 0 ? -1 : n - 1;
}

/**
 * Reads one worksheet's XML (`<sheetData><row r><c r t s><v>|<is><t>|<f>`, `<mergeCell ref>`) as
 * it streams past: each cell as its value (shared strings looked up, numbers in a date format as
 * dates), every formula cell and merged range noted, since a formula's saved result may be stale
 * and a merged range's one value stands for several cells.
 */
class SheetReader implements XmlHandler {
  readonly rows: WorkbookCell[][] = [];
  readonly formulas: string[] = [];
  readonly merged: string[] = [];
  private readonly ctx: SheetContext;
  private row: WorkbookCell[] = [];
  private rowIndex = -1;
  private column = -1;
  private ref = '';
  private type = 'n';
  private style = 0;
  /** The text of the `<v>` or `<t>` being read, or null outside one. */
  private reading: string | null = null;
  private value = '';
  private hasValue = false;
  /** Inside `<rPh>` (phonetic reading): its text is not the cell's. */
  private phonetic = false;

  constructor(ctx: SheetContext) {
    this.ctx = ctx;
  }

  open(name: string, a: Readonly<Record<string, string>>): void {
    switch (name) {
      case 'row':
        this.rowIndex = a.r === undefined ? this.rowIndex + 1 : Number(a.r) - 1;
        this.row = [];
        this.rows[this.rowIndex] = this.row;
        this.column = -1;
        break;
      case 'c':
        this.ref = a.r ?? '';
        this.column = a.r === undefined ? this.column + 1 : columnOf(a.r);
        this.type = a.t ?? 'n';
        this.style = a.s === undefined ? 0 : Number(a.s);
        this.value = '';
        this.hasValue = false;
        break;
      case 'v':
      case 't':
        if (!this.phonetic) this.reading = '';
        break;
      case 'rPh':
        this.phonetic = true;
        break;
      case 'f':
        this.formulas.push(this.ref || `${this.rowIndex + 1}`);
        break;
      case 'mergeCell':
        if (a.ref) this.merged.push(a.ref);
        break;
    }
  }

  text(t: string): void {
    if (this.reading !== null) this.reading += t;
  }

  close(name: string): void {
    switch (name) {
      case 'v':
      case 't':
        if (this.reading !== null) {
          this.value += this.reading;
          this.hasValue = true;
        }
        this.reading = null;
        break;
      case 'rPh':
        this.phonetic = false;
        break;
      case 'c':
        if (this.column >= 0) {
          while (this.row.length < this.column) this.row.push(null);
          this.row[this.column] = this.hasValue ? this.cell() : null;
        }
        break;
    }
  }

  /** Returns the value of the cell just closed, as its type and style say. */
  private cell(): WorkbookCell {
    const v = this.value;
    switch (this.type) {
      case 's':
        return this.ctx.sharedStrings[Number(v)] ?? '';
      case 'str':
      case 'inlineStr':
      case 'e':
        return v;
      case 'b':
        return v === '1';
      case 'd':
        return new Date(v);
      default: {
        const n = Number(v);
        if (v.trim() === '' || !Number.isFinite(n)) return v;
        return this.ctx.dateStyles[this.style] ? dateOfSerial(n, this.ctx.date1904) : n;
      }
    }
  }
}

/** Returns a worksheet read from its XML bytes (rows fill gaps with empty rows and cells). */
export function readSheetXml(name: string, bytes: Uint8Array, ctx: SheetContext): WorkbookSheet {
  const reader = new SheetReader(ctx);
  readXml(bytes, reader);
  const rows = Array.from(reader.rows, (r) => r ?? []);
  return { name, rows, formulas: reader.formulas, merged: reader.merged };
}
