/** A conformance case: steps run in order on one fresh kctl (fake runtime), each with kubectl's output. */
export interface Step {
  /** The command line after `kubectl`, as a shell would split it. */
  run: string;
  /** stdin for the command. */
  stdin?: string;
  /** Exact stdout, or a pattern where the output carries times or generated names. */
  stdout?: string | RegExp;
  /** Exact stderr (default: empty), or a pattern. */
  stderr?: string | RegExp;
  /** Default 0. */
  code?: number;
}

export interface Case {
  /** The test/cmd function or documentation page the steps follow. */
  name: string;
  /** Files written in the working directory first. */
  files?: Record<string, string>;
  steps: Step[];
}
