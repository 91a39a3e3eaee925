/**
 * For every demand row, its sites ordered by cost, so that scans can stop at the first site that is too
 * far instead of visiting every site.
 */
export const sortRows = (cost: Float64Array, n: number, m: number): Int32Array => {
  const order = new Int32Array(n * m);
  const index = new Int32Array(m);
  for (let i = 0; i < n; i++) {
    const base = i * m;
    for (let k = 0; k < m; k++) index[k] = k;
    index.sort((a, b) => (cost[base + a] as number) - (cost[base + b] as number) || a - b);
    order.set(index, base);
  }
  return order;
};
