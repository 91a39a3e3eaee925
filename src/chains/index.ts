export { chainHistory, findChain, listChains, saveChain } from './chain-store.js';
export { type ChainScope, chainDimensions, chainStatement } from './compile.js';
export { type ChainComputeOptions, chainMask, chainRows, computeChain } from './compute.js';
export { loadShippedChains, shippedChainsDir } from './shipped.js';
export { type ChainCells, type ChainRow, chainCells } from './table.js';
