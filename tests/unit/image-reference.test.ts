/** Docker's image reference grammar, as the kubelet and the engine parse it. */
import { imageReferenceError } from '../../src/api/image-reference';

const DIGEST = `sha256:${'a'.repeat(64)}`;

test.each([
  'nginx',
  'nginx:1.25-alpine',
  'library/nginx',
  'kctl-demo/web:v1',
  'registry.example.com:5000/team/app:v1.2.3',
  'localhost/app',
  '[::1]:5000/app:dev',
  `nginx@${DIGEST}`,
  `ghcr.io/org/app:1.0@${DIGEST}`,
  'my_registry/a__b/c-d---e.f:TAG_1',
])('%s is a reference', (image) => {
  expect(imageReferenceError(image)).toBeUndefined();
});

test.each([
  ['kctl test/busy box', 'invalid reference format'],
  ['nginx:', 'invalid reference format'],
  ['-nginx', 'invalid reference format'],
  ['a//b', 'invalid reference format'],
  ['nginx@sha256:abc', 'invalid reference format'],
  ['nginx:tag:again', 'invalid reference format'],
  ['ngi\u001bnx', 'invalid reference format'],
  ['Nginx', 'repository name must be lowercase'],
  ['docker.io/Library/Nginx:Latest', 'repository name must be lowercase'],
  [`${'a'.repeat(256)}:v1`, 'repository name must not be more than 255 characters'],
])('%s: %s', (image, error) => {
  expect(imageReferenceError(image)).toBe(error);
});
