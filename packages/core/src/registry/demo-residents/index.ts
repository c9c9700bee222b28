export { type DemoResidentsOptions, generateDemoResidents } from './generate-demo-residents';
export { FAMILY_NAMES, givenNamesFor, type NamePair, VARIANT_FAMILY_NAMES } from './name-pool';
export { createRandom, type Random, seedHash } from './random';
