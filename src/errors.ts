/**
 * Typed errors. Every failure kctl reports is one of these; src/cli/main.ts renders them in one place as
 * `error: <message>` plus an optional hint line, and exits with the error's code (the README's exit-code table).
 */
export const ExitCode = {
  Success: 0,
  General: 1,
  /** kubectl exits 1 for a progress deadline and for an expired --timeout; scripts carry over unchanged. */
  RolloutFailed: 1,
  Timeout: 1,
  DiffFound: 1,
  Usage: 2,
  Validation: 3,
  NotFound: 4,
  Conflict: 5,
  RolledBack: 6,
  DockerUnreachable: 7,
  /** What a shell reports for a program ended by Ctrl-C (128 + SIGINT): `kctl run -i` interrupted. */
  Interrupted: 130,
} as const;

export class KctlError extends Error {
  /** true: the message is one message over several lines (`error: ` once, before it), not one problem per line. */
  oneMessage = false;

  constructor(message: string, readonly exitCode: number = ExitCode.General, readonly hint?: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A failure after part of the output was made: src/cli/main.ts writes `output` to stdout, then the error (kubectl's template printers do). */
export class PartialOutputError extends KctlError {
  constructor(message: string, readonly output: string) {
    super(message);
  }
}

export class UsageError extends KctlError {
  constructor(message: string, hint?: string) {
    super(message, ExitCode.Usage, hint);
  }
}

/** One or more problems found in manifests; nothing was applied. Each problem is already rendered as a line. */
export class ValidationError extends KctlError {
  constructor(readonly problems: string[], hint?: string) {
    super(problems.join('\n'), ExitCode.Validation, hint);
  }
}

export class NotFoundError extends KctlError {
  constructor(message: string, hint?: string) {
    super(message, ExitCode.NotFound, hint);
  }
}

export class ConflictError extends KctlError {
  constructor(message: string, hint?: string) {
    super(message, ExitCode.Conflict, hint);
  }
}

export class TimeoutError extends KctlError {
  constructor(message = 'timed out waiting for the condition', hint?: string) {
    super(message, ExitCode.Timeout, hint);
  }
}

export class RolloutFailedError extends KctlError {
  constructor(message: string, hint?: string) {
    super(message, ExitCode.RolloutFailed, hint);
  }
}

export class RolledBackError extends KctlError {
  constructor(message: string, hint?: string) {
    super(message, ExitCode.RolledBack, hint);
  }
}

export class DockerUnreachableError extends KctlError {
  constructor(message: string, hint?: string) {
    super(message, ExitCode.DockerUnreachable, hint);
  }
}

/** The state file exists but cannot be used; it is never silently replaced. */
export class StateFileError extends KctlError {
  constructor(message: string, hint?: string) {
    super(message, ExitCode.General, hint);
  }
}

/**
 * How `kctl diff` ends when not with 0, as kubectl's CheckDiffErr: 1 means differences were found (the diff is
 * the output, nothing else is printed); a failure exits with at least 2, so scripts can tell the two apart.
 */
export class DiffOutcome {
  constructor(readonly failure?: unknown) {}
}

/** A command whose printed answer is a no (`auth can-i`): exit 1 with nothing more on stderr. */
export class AnswerNo {}
