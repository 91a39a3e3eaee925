import { identityCodeShape, isPersonalIdentityCode } from '../model/index.js';

/**
 * Counts personal identity codes per column. Codes are never kept: only the column index and a
 * count leave this module, so that a refusal can name the column without echoing any code.
 */
export class IdentityCodeGuard {
  readonly countsByColumn = new Map<number, number>();

  get found(): boolean {
    return this.countsByColumn.size > 0;
  }

  /** Cheap test over a whole chunk of text, so that clean files pay for one regular-expression scan. */
  static mayContain(text: string): boolean {
    identityCodeShape.lastIndex = 0;
    for (const m of text.matchAll(identityCodeShape)) if (isPersonalIdentityCode(m[0])) return true;
    return false;
  }

  checkFields(fields: readonly string[]): void {
    fields.forEach((value, column) => {
      if (value.length < 11 || value.length > 40) return;
      identityCodeShape.lastIndex = 0;
      for (const m of value.matchAll(identityCodeShape)) {
        if (isPersonalIdentityCode(m[0])) {
          this.countsByColumn.set(column, (this.countsByColumn.get(column) ?? 0) + 1);
          break;
        }
      }
    });
  }

  /** The refusal message: which columns, how many values; never a value. */
  describe(headers: readonly string[]): string {
    const parts = [...this.countsByColumn.entries()]
      .sort(([a], [b]) => a - b)
      .map(
        ([column, count]) =>
          `column "${headers[column] ?? `#${column + 1}`}" (${count} value${count === 1 ? '' : 's'})`,
      );
    return `the file holds Finnish personal identity codes in ${parts.join(', ')}; identity codes are never stored, so nothing was imported. Remove the column or replace it with a pseudonymous key.`;
  }
}
