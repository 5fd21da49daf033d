/**
 * The runtime contract against the real Docker engine (scripts/docker-setup.sh starts one). Fails, rather than
 * skips, when no engine answers: a green e2e run must mean Docker was exercised.
 */
import { execFileSync } from 'child_process';
import { join } from 'path';
import { connectDocker } from '../../src/runtime/docker/connect';
import { runtimeContract } from '../contract/runtime-contract';

const IMAGE = 'kctl-test/busybox:latest';

runtimeContract(
  'docker',
  async () => {
    const rt = await connectDocker(process.env);
    await rt.info(); // rejects with DockerUnreachableError (and every test fails) without an engine
    // Fast when the images are current (a label holds the hash of their build context).
    execFileSync('bash', [join(__dirname, '../../scripts/build-images.sh')], { stdio: 'ignore' });
    return rt;
  },
  { image: IMAGE, unpullableImage: 'nonexistent.invalid/nope:1' },
);
