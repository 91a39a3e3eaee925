import type { RejectReasonCode } from '../../model/index.js';

/** Every reason's words in one language: a template where `{name}` is replaced by the parameter. */
export type ReasonTexts = Record<RejectReasonCode, string>;
