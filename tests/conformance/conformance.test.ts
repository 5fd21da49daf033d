/**
 * kubectl's command-line behaviour as Kubernetes' own command tests and documentation show it, case by case
 * (cases/*.ts, README.md for what differs on purpose). Each case runs its steps in order on a fresh kctl
 * over the fake runtime and checks stdout, stderr and the exit code of each.
 */
import { fakeCliEnv, runCli } from '../helpers/cli';
import type { Case, Step } from './case';
import { cases as core } from './cases/core';
import { cases as workloads } from './cases/workloads';
import { cases as applyAndGet } from './cases/apply-and-get';

const ALL: Case[] = [...core, ...workloads, ...applyAndGet];

function expectText(actual: string, expected: string | RegExp | undefined, what: string, step: Step): void {
  if (expected instanceof RegExp) expect({ step: step.run, [what]: actual }).toEqual({ step: step.run, [what]: expect.stringMatching(expected) });
  else expect({ step: step.run, [what]: actual }).toEqual({ step: step.run, [what]: expected ?? '' });
}

test.each(ALL.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
  const env = fakeCliEnv(c.files);
  for (const step of c.steps) {
    const result = await runCli(step.run, env, step.stdin);
    expectText(result.stdout, step.stdout, 'stdout', step);
    expectText(result.stderr, step.stderr, 'stderr', step);
    expect({ step: step.run, code: result.code }).toEqual({ step: step.run, code: step.code ?? 0 });
  }
});
