import type { ProducerKind } from '../../../src/model/index.js';

/**
 * One hue per producer kind, after the Okabe–Ito palette that stays distinct for colour-blind readers,
 * darkened so that each keeps at least 3:1 contrast against the pale municipality fill (WCAG 1.4.11).
 */
export const producerKindColour: Record<ProducerKind, string> = {
  own: '#0a5ea8',
  purchased: '#a34a00',
  voucher: '#17754a',
  ngo: '#8a3d8f',
};

/** A unit whose producer is not in the store yet still shows, in neutral grey. */
export const unknownProducerColour = '#5f6368';

export const producerKinds = Object.keys(producerKindColour) as ProducerKind[];

export const municipalityFill = '#e3ebf1';
export const municipalitySelectedFill = '#c3d7e8';
export const municipalityLine = '#5b7083';
export const outsideCounty = '#f7f9fa';
