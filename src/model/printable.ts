/**
 * Characters that would let text a client sent rewrite a log as it is read: line breaks (a forged entry
 * on a line of its own), C0 and C1 control characters and DEL (terminal escape sequences), and the
 * Unicode bidirectional overrides (text shown in another order than stored).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const unprintable = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\\]/g;

const named: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\\': '\\\\' };

/**
 * `text` with every unprintable character written as an escape (`\n`, `\u001b`), and the backslash
 * doubled so that an escape cannot be told apart from the same characters typed: what a client sent
 * stays on one line and means nothing to a terminal.
 */
export const printable = (text: string): string =>
  text.replace(
    unprintable,
    (character) => named[character] ?? `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
