/**
 * Cuts a JSON document into the items of one array without parsing the whole document: the
 * top-level array itself, or the array held by one member of the top-level object (such as a
 * GeoJSON FeatureCollection's "features"). Other top-level members are handed over as raw text.
 * Feed it text in chunks of any size; memory holds one item at a time.
 */
export class JsonItemScanner {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private itemsAt: number | undefined;
  private item = '';
  private memberText = '';
  private readonly memberKey: RegExp | undefined;

  constructor(member?: string) {
    this.memberKey = member === undefined ? undefined : new RegExp(`^\\s*"${member}"\\s*:\\s*$`);
  }

  push(text: string, onItem: (raw: string) => void, onMember?: (raw: string) => void): void {
    for (const ch of text) {
      if (this.inString) {
        this.append(ch);
        if (this.escaped) this.escaped = false;
        else if (ch === '\\') this.escaped = true;
        else if (ch === '"') this.inString = false;
        continue;
      }
      if (ch === '"') {
        this.inString = true;
        this.append(ch);
      } else if (ch === '{' || ch === '[') {
        if (this.depth === 0) {
          this.depth = 1;
          if (ch === '[') this.itemsAt = 1;
          continue;
        }
        if (
          this.itemsAt === undefined &&
          this.depth === 1 &&
          ch === '[' &&
          this.memberKey?.test(this.memberText)
        ) {
          this.depth = 2;
          this.itemsAt = 2;
          this.memberText = '';
          continue;
        }
        this.depth++;
        this.append(ch);
      } else if (ch === '}' || ch === ']') {
        this.depth--;
        if (this.itemsAt !== undefined && this.depth === this.itemsAt - 1) {
          this.emit(onItem);
          this.itemsAt = undefined;
        } else if (this.depth === 0) this.flushMember(onMember);
        else this.append(ch);
      } else if (ch === ',' && this.itemsAt !== undefined && this.depth === this.itemsAt) {
        this.emit(onItem);
      } else if (ch === ',' && this.itemsAt === undefined && this.depth === 1) {
        this.flushMember(onMember);
      } else this.append(ch);
    }
  }

  /** True once the document that began has closed: false for a file that ends inside it. */
  get closed(): boolean {
    return this.depth === 0 && !this.inString;
  }

  private append(ch: string): void {
    if (this.itemsAt !== undefined && this.depth >= this.itemsAt) this.item += ch;
    else if (this.depth >= 1) this.memberText += ch;
  }

  private emit(onItem: (raw: string) => void): void {
    if (this.item.trim() !== '') onItem(this.item);
    this.item = '';
  }

  private flushMember(onMember?: (raw: string) => void): void {
    if (this.memberText.trim() !== '') onMember?.(this.memberText);
    this.memberText = '';
  }
}
