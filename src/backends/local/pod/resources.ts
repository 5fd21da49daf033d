/** resources.limits enforced by Docker: memory (no swap beyond it, so the limit ends in OOMKilled) and CPU. */
import { parseCpu, parseMemory } from '../../../api/quantity';

export function resourceLimits(container: any): { memoryBytes?: number; nanoCpus?: number } {
  const limits = container.resources?.limits ?? {};
  return {
    memoryBytes: limits.memory !== undefined ? parseMemory(limits.memory) : undefined,
    // millicores -> Docker's billionths of a CPU
    nanoCpus: limits.cpu !== undefined ? parseCpu(limits.cpu) * 1_000_000 : undefined,
  };
}
