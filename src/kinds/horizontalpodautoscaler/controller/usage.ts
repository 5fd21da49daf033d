/** kubectl top's cells, also in the autoscaler's messages: `12m`, `5Mi`. */
export function formatCpu(millis: number): string {
  return `${Math.round(millis)}m`;
}

export function formatMemory(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))}Mi`;
}
