/** What one probe run found: success, or failure with the message Kubernetes puts in the Unhealthy event. */
export interface ProbeOutcome {
  ok: boolean;
  message?: string;
}

/** Go's net error texts for the errno codes a probe meets, so events read as on a Kubernetes node. */
export function dialError(code: string | undefined, fallback: string): string {
  switch (code) {
    case 'ECONNREFUSED':
      return 'connect: connection refused';
    case 'ECONNRESET':
      return 'read: connection reset by peer';
    case 'EHOSTUNREACH':
      return 'connect: no route to host';
    case 'ENETUNREACH':
      return 'connect: network is unreachable';
    default:
      return fallback;
  }
}
