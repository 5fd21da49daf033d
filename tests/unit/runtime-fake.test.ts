import { FakeRuntime } from '../../src/runtime/fake/fake-runtime';
import { runtimeContract } from '../contract/runtime-contract';

const UNPULLABLE = 'nonexistent.invalid/nope:1';

runtimeContract(
  'fake',
  async () => {
    const rt = new FakeRuntime();
    rt.setImageMissing(UNPULLABLE);
    rt.failPull(UNPULLABLE, 'Get "https://nonexistent.invalid/v2/": dial tcp: lookup nonexistent.invalid: no such host');
    return rt;
  },
  { image: 'kctl-test/busybox:latest', unpullableImage: UNPULLABLE },
);
