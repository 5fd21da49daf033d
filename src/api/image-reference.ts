/**
 * Docker's image reference grammar (distribution/reference): `[domain[:port]/]path[:tag][@digest]`, path
 * components lower case. kctl checks it where the kubelet would fail to parse the image (InvalidImageName) and
 * at apply, so an image the engine cannot name is refused up front and never reaches an engine request.
 */
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-fA-F:.]+\\])(?::[0-9]+)?`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(`^(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*(?::${TAG})?(?:@${DIGEST})?$`);
const NAME_MAX = 255;

/** Why `image` is not a reference Docker can parse (its words), or undefined. */
export function imageReferenceError(image: string): string | undefined {
  const name = image.split('@')[0].replace(/:[\w][\w.-]{0,127}$/, '');
  if (!REFERENCE.test(image)) {
    // Docker's distinct answer for the common mistake.
    return REFERENCE.test(image.toLowerCase()) ? 'repository name must be lowercase' : 'invalid reference format';
  }
  return name.length > NAME_MAX ? `repository name must not be more than ${NAME_MAX} characters` : undefined;
}
