import type { ForecastMessages } from './messages.js';

/** A built-in variant in the reader's language; others by the label they were saved or imported with. */
export const variantLabel = (messages: ForecastMessages, name: string, label: string): string =>
  messages.variants[name] ?? label;
