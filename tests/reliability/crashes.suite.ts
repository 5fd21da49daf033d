/**
 * Crashes on the real Docker engine: kctl killed with SIGKILL at a random moment of apply, scale, a rollout
 * (set image) or delete. Seeded and reproducible: KCTL_CRASH_SEED picks the operations and the delays, and
 * KCTL_CRASH_TRIALS how many (a longer soak). After each kill the state file is valid JSON; then the next
 * command (`kctl reconcile`, or the same command run again) converges with no orphan and no duplicate
 * container, and the Deployment ends exactly as the commands asked (nothing lost).
 */
import { deploymentYaml } from '../e2e/harness';
import { DockerCli } from './helpers/docker-cli';
import { duplicates, observeWorld, orphans } from './helpers/invariants';
import { EngineKctl, exited } from './helpers/kctl';
import { pick, randomInt, seededRandom, shuffled } from './helpers/prng';

const SEED = Number(process.env.KCTL_CRASH_SEED ?? 20261123);
const TRIALS = Number(process.env.KCTL_CRASH_TRIALS ?? 24);
const MAX_DELAY_MS = 1500;
const IMAGES = ['kctl-demo/web:v1', 'kctl-demo/web:v2'] as const;

interface Desired {
  exists: boolean;
  replicas: number;
  image: (typeof IMAGES)[number];
}

interface Trial {
  n: number;
  op: 'apply' | 'scale' | 'rollout' | 'delete';
  argv: string[];
  delayMs: number;
  /** How the next command goes: `kctl reconcile` first, or the killed command again at once. */
  recovery: 'reconcile' | 'rerun';
  /** What the Deployment must be once the command has run to its end. */
  after: Desired;
}

/** The whole plan up front, from the seed alone: the same seed gives the same trials. */
function plan(seed: number, trials: number): Trial[] {
  const random = seededRandom(seed);
  let desired: Desired = { exists: false, replicas: 0, image: IMAGES[0] };
  const out: Trial[] = [];
  let block: Trial['op'][] = [];
  for (let n = 1; n <= trials; n++) {
    // Every four trials try each operation once, in a random order (apply when there is nothing to act on).
    if (block.length === 0) block = shuffled(random, ['apply', 'scale', 'rollout', 'delete']);
    let op = block.pop()!;
    if (!desired.exists) op = 'apply';
    const replicas = randomInt(random, 1, 4);
    const wait = ['--timeout', '3m'];
    let argv: string[];
    if (op === 'apply') {
      const image = pick(random, IMAGES);
      argv = ['apply', '-f', manifestFile(image, replicas), ...wait];
      desired = { exists: true, replicas, image };
    } else if (op === 'scale') {
      argv = ['scale', 'deployment/web', `--replicas=${replicas}`, ...wait];
      desired = { ...desired, replicas };
    } else if (op === 'rollout') {
      const image = desired.image === IMAGES[0] ? IMAGES[1] : IMAGES[0];
      argv = ['set', 'image', 'deployment/web', `web=${image}`, ...wait];
      desired = { ...desired, image };
    } else {
      argv = ['delete', 'deployment', 'web', '--ignore-not-found', ...wait];
      desired = { exists: false, replicas: 0, image: desired.image };
    }
    out.push({ n, op, argv, delayMs: randomInt(random, 0, MAX_DELAY_MS), recovery: pick(random, ['reconcile', 'rerun'] as const), after: desired });
  }
  return out;
}

function manifestFile(image: string, replicas: number): string {
  return `web-${image.split(':')[1]}-${replicas}.yaml`;
}

const docker = new DockerCli();
const k = new EngineKctl('kctl-crash-');
const stats = { killed: 0, finishedFirst: 0, ops: {} as Record<string, number> };

beforeAll(() => {
  for (const image of IMAGES) for (const replicas of [1, 2, 3]) k.write(manifestFile(image, replicas), deploymentYaml('web', { replicas, image }));
});

afterAll(async () => {
  await k.cleanup();
  const ops = Object.entries(stats.ops).map(([op, n]) => `${op} ${n}`).join(', ');
  process.stdout.write(`\ncrashes (seed ${SEED}): ${TRIALS} trials, ${stats.killed} killed mid-command (SIGKILL), ${stats.finishedFirst} finished before the kill; ${ops}\n`);
}, 120_000);

async function expectConvergedWorld(): Promise<void> {
  const view = await observeWorld(k, docker);
  expect(orphans(view)).toEqual([]);
  expect(duplicates(view)).toEqual([]);
}

describe(`SIGKILL at a random moment (seed ${SEED})`, () => {
  test.each(plan(SEED, TRIALS).map((t) => [`#${t.n} ${t.argv.slice(0, 4).join(' ')} killed after ${t.delayMs} ms, then ${t.recovery}`, t] as [string, Trial]))('%s', async (_title, t) => {
    stats.ops[t.op] = (stats.ops[t.op] ?? 0) + 1;
    const child = k.spawn(t.argv);
    const done = exited(child);
    const timer = new Promise<'timer'>((r) => setTimeout(() => r('timer'), t.delayMs));
    if ((await Promise.race([done.then(() => 'done' as const), timer])) === 'done') stats.finishedFirst++;
    else {
      child.kill('SIGKILL');
      stats.killed++;
    }
    await done;
    await observeWorld(k, docker); // the state file is valid JSON even now (atomic writes), and kctl reads it

    if (t.recovery === 'reconcile') {
      const reconciled = await k.run(['reconcile', '--timeout', '3m']);
      expect(reconciled.stderr).toBe('');
      expect(reconciled.code).toBe(0);
      await expectConvergedWorld();
    }
    const again = await k.run(t.argv);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);

    await explained(() => expectDesired(t));
  });
});

/** On failure, what kctl and Docker showed, so that a CI log is enough to understand it. */
async function explained(check: () => Promise<void>): Promise<void> {
  try {
    await check();
  } catch (e) {
    const all = await k.run(['get', 'deployments,replicasets,pods', '-o', 'wide']);
    const containers = (await docker.containers(k.scopeId)).map((c) => `${c.name} ${c.image} ${c.status} pod-uid=${c.labels['io.kctl.pod-uid']}`);
    const brief = (o: any) => JSON.stringify({ name: o.metadata.name, uid: o.metadata.uid, owners: o.metadata.ownerReferences?.map((r: any) => r.uid), annotations: o.metadata.annotations, deleted: o.metadata.deletionTimestamp, replicas: o.spec?.replicas, status: o.status });
    const objects = ['Deployment', 'ReplicaSet', 'Pod'].flatMap((kind) => k.objects(kind).map((o) => `${kind} ${brief(o)}`));
    (e as Error).message += `\n\nkctl get all:\n${all.stdout}${all.stderr}\nstate:\n${objects.join('\n')}\ncontainers:\n${containers.join('\n')}`;
    throw e;
  }
}

async function expectDesired(t: Trial): Promise<void> {
  const view = await observeWorld(k, docker);
  expect(orphans(view)).toEqual([]);
  expect(duplicates(view)).toEqual([]);
  const web = k.objects('Deployment').find((d) => d.metadata.name === 'web');
  if (!t.after.exists) {
    expect(web).toBeUndefined();
    expect(view.containers.map((c) => c.name)).toEqual([]);
    return;
  }
  expect({ replicas: web.spec.replicas, image: web.spec.template.spec.containers[0].image }).toEqual({ replicas: t.after.replicas, image: t.after.image });
  // A finished rollout may leave old pods terminating (as in Kubernetes): their containers are on their way out.
  const terminating = new Set(view.pods.filter((p) => p.metadata.deletionTimestamp).map((p) => p.metadata.uid));
  const serving = view.runningApp.filter((c) => !terminating.has(c.labels['io.kctl.pod-uid']));
  expect(serving.map((c) => c.image)).toEqual(Array(t.after.replicas).fill(t.after.image));
  expect(view.pods.filter((p) => !terminating.has(p.metadata.uid)).map((p) => p.status.phase)).toEqual(Array(t.after.replicas).fill('Running'));
}

test('after all the trials, deleting everything leaves nothing behind', async () => {
  const deleted = await k.run(['delete', 'deployment', 'web', '--ignore-not-found', '--timeout', '3m']);
  expect(deleted.code).toBe(0);
  expect((await k.run(['reconcile', '--timeout', '3m'])).code).toBe(0);
  expect((await docker.containers(k.scopeId)).map((c) => c.name)).toEqual([]);
  expect(k.objects('Pod')).toEqual([]);
  expect(k.objects('ReplicaSet')).toEqual([]);
});
