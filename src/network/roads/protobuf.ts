/**
 * The few Protocol Buffers primitives an OSM PBF file needs: varints (64-bit values kept exact up to
 * 2^53, which covers every OSM id and coordinate), zigzag-signed varints, length-delimited fields and
 * packed repeated varints. Wire types 1 and 5 (fixed 64/32 bits) are skipped; OSM does not use them.
 */
export class ProtoReader {
  pos: number;
  readonly end: number;

  constructor(
    readonly bytes: Uint8Array,
    start = 0,
    end = bytes.length,
  ) {
    this.pos = start;
    this.end = end;
  }

  get done(): boolean {
    return this.pos >= this.end;
  }

  varint(): number {
    let result = 0;
    let shift = 1;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) throw new Error('truncated protobuf varint');
      const byte = this.bytes[this.pos++] as number;
      result += (byte & 0x7f) * shift;
      if (byte < 0x80) return result;
      shift *= 128;
    }
    throw new Error('protobuf varint longer than 10 bytes');
  }

  /** A zigzag-encoded signed varint (sint32/sint64). */
  signed(): number {
    const n = this.varint();
    return n % 2 === 1 ? -(n + 1) / 2 : n / 2;
  }

  /** Field number and wire type of the next field. */
  tag(): { field: number; wire: number } {
    const key = this.varint();
    return { field: Math.floor(key / 8), wire: key % 8 };
  }

  /** A length-delimited field as a reader over its bytes. */
  sub(): ProtoReader {
    const length = this.varint();
    const start = this.pos;
    if (start + length > this.end) throw new Error('truncated protobuf field');
    this.pos += length;
    return new ProtoReader(this.bytes, start, start + length);
  }

  bytesField(): Uint8Array {
    const sub = this.sub();
    return this.bytes.subarray(sub.pos, sub.end);
  }

  string(): string {
    return new TextDecoder().decode(this.bytesField());
  }

  /** Packed repeated varints (signed: zigzag). */
  packed(signed = false): number[] {
    const sub = this.sub();
    const values: number[] = [];
    while (!sub.done) values.push(signed ? sub.signed() : sub.varint());
    return values;
  }

  skip(wire: number): void {
    if (wire === 0) this.varint();
    else if (wire === 1) this.pos += 8;
    else if (wire === 2) {
      const length = this.varint();
      this.pos += length;
    } else if (wire === 5) this.pos += 4;
    else throw new Error(`unsupported protobuf wire type ${wire}`);
  }
}

/** The writing side, for building PBF files in tests and tools. */
export class ProtoWriter {
  readonly #chunks: number[] = [];

  #varint(n: number): void {
    let value = n;
    while (value >= 128) {
      this.#chunks.push((value % 128) | 0x80);
      value = Math.floor(value / 128);
    }
    this.#chunks.push(value);
  }

  static zigzag(n: number): number {
    return n >= 0 ? n * 2 : -n * 2 - 1;
  }

  varint(field: number, value: number): this {
    this.#varint(field * 8);
    this.#varint(value);
    return this;
  }

  signed(field: number, value: number): this {
    return this.varint(field, ProtoWriter.zigzag(value));
  }

  bytes(field: number, value: Uint8Array): this {
    this.#varint(field * 8 + 2);
    this.#varint(value.length);
    for (const byte of value) this.#chunks.push(byte);
    return this;
  }

  string(field: number, value: string): this {
    return this.bytes(field, new TextEncoder().encode(value));
  }

  message(field: number, value: ProtoWriter): this {
    return this.bytes(field, value.finish());
  }

  packed(field: number, values: readonly number[], signed = false): this {
    const inner = new ProtoWriter();
    for (const v of values) inner.#varint(signed ? ProtoWriter.zigzag(v) : v);
    return this.bytes(field, inner.finish());
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.#chunks);
  }
}
