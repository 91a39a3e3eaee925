/**
 * A binary min-heap of (priority, payload) pairs in growable typed arrays, for the region-growing
 * partition, which pushes tens of thousands of cells and should not allocate an object per push.
 */
export class MinHeap {
  private priorities = new Float64Array(1024);
  private payloads = new Int32Array(1024);
  private count = 0;

  get size(): number {
    return this.count;
  }

  push(priority: number, payload: number): void {
    if (this.count === this.priorities.length) this.grow();
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const parentPriority = this.priorities[parent] ?? 0;
      // Ties go to the smaller payload so that the order, and so the partition, never depends on push order.
      if (
        parentPriority < priority ||
        (parentPriority === priority && (this.payloads[parent] ?? 0) <= payload)
      ) {
        break;
      }
      this.priorities[i] = parentPriority;
      this.payloads[i] = this.payloads[parent] ?? 0;
      i = parent;
    }
    this.priorities[i] = priority;
    this.payloads[i] = payload;
  }

  /** Removes the smallest pair and returns it as [priority, payload]; undefined when empty. */
  pop(): [number, number] | undefined {
    if (this.count === 0) return undefined;
    const top: [number, number] = [this.priorities[0] ?? 0, this.payloads[0] ?? 0];
    const lastPriority = this.priorities[--this.count] ?? 0;
    const lastPayload = this.payloads[this.count] ?? 0;
    let i = 0;
    for (;;) {
      let smallest = -1;
      let smallestPriority = lastPriority;
      let smallestPayload = lastPayload;
      for (const child of [2 * i + 1, 2 * i + 2]) {
        if (child >= this.count) continue;
        const p = this.priorities[child] ?? 0;
        const q = this.payloads[child] ?? 0;
        if (p < smallestPriority || (p === smallestPriority && q < smallestPayload)) {
          smallest = child;
          smallestPriority = p;
          smallestPayload = q;
        }
      }
      if (smallest < 0) break;
      this.priorities[i] = smallestPriority;
      this.payloads[i] = smallestPayload;
      i = smallest;
    }
    this.priorities[i] = lastPriority;
    this.payloads[i] = lastPayload;
    return top;
  }

  private grow(): void {
    const priorities = new Float64Array(this.priorities.length * 2);
    priorities.set(this.priorities);
    const payloads = new Int32Array(this.payloads.length * 2);
    payloads.set(this.payloads);
    this.priorities = priorities;
    this.payloads = payloads;
  }
}
