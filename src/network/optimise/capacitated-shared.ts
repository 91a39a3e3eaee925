/**
 * The best capacitated solution any of several parallel searches has found, in shared memory: each
 * search offers its improvements and takes the board's solution when it restarts and the board's is
 * better. Layout of the buffer: the value (float64), a lock word and a version (int32), then the p medians
 * and the n demands' sites (int32).
 */
export interface SharedBestBuffer {
  buffer: SharedArrayBuffer;
  n: number;
  p: number;
}

export class SharedBest {
  private readonly value: Float64Array;
  private readonly words: Int32Array;
  private readonly sites: Int32Array;
  private readonly assignment: Int32Array;

  constructor(readonly shared: SharedBestBuffer) {
    const { buffer, n, p } = shared;
    this.value = new Float64Array(buffer, 0, 1);
    this.words = new Int32Array(buffer, 8, 2);
    this.sites = new Int32Array(buffer, 16, p);
    this.assignment = new Int32Array(buffer, 16 + 4 * p, n);
  }

  static create(n: number, p: number): SharedBest {
    const buffer = new SharedArrayBuffer(16 + 4 * (p + n));
    const board = new SharedBest({ buffer, n, p });
    board.value[0] = Number.POSITIVE_INFINITY;
    return board;
  }

  /** Times a solution was put on the board. */
  get version(): number {
    return Atomics.load(this.words, 1);
  }

  /** Puts the solution on the board if it is better than the one there; true if it was. */
  offer(sites: Int32Array, assignment: Int32Array, value: number): boolean {
    return this.locked(() => {
      if (!(value < (this.value[0] as number))) return false;
      this.sites.set(sites);
      this.assignment.set(assignment);
      this.value[0] = value;
      Atomics.add(this.words, 1, 1);
      return true;
    });
  }

  /** A copy of the board's solution if it is better than `value`, else null. */
  betterThan(value: number): { sites: Int32Array; assignment: Int32Array; value: number } | null {
    return this.locked(() => {
      const best = this.value[0] as number;
      if (!(best < value - 1e-9 * Math.max(1, Math.abs(value)))) return null;
      return {
        sites: Int32Array.from(this.sites),
        assignment: Int32Array.from(this.assignment),
        value: best,
      };
    });
  }

  /** Holds are a few microseconds (a copy of n + p integers): a spin on the lock word is enough. */
  private locked<T>(action: () => T): T {
    while (Atomics.compareExchange(this.words, 0, 0, 1) !== 0);
    try {
      return action();
    } finally {
      Atomics.store(this.words, 0, 0);
    }
  }
}
