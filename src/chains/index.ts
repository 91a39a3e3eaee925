export { chainHistory, createChain, findChain, listChains, saveChain } from './chain-store.js';
export { type ChainScope, chainDimensions, chainStatement } from './compile.js';
export { type ChainComputeOptions, chainMask, chainRows, computeChain } from './compute.js';
export { chainFigure, chainIndicatorResult, chainIndicatorSource } from './indicator-values.js';
export { chainIndicators } from './indicators.js';
export { loadShippedChains, shippedChainsDir } from './shipped.js';
export { type ChainCells, type ChainRow, chainCells } from './table.js';
