export {
  type PermutationOptions,
  type PermutationResult,
  permutationTest,
  type RelabelMode,
  type TwoSampleStatistic,
} from './permutationTest.js';
