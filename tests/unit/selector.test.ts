import { matchesSelector, parseSelector, fromLabelSelector, formatLabelSelector } from '../../src/api/selector';

describe('label selectors', () => {
  const labels = { app: 'web', tier: 'front', env: 'prod' };
  test.each([
    ['app=web', true],
    ['app==web', true],
    ['app!=web', false],
    ['app=web,tier=front', true],
    ['app=web,tier=back', false],
    ['env in (prod,staging)', true],
    ['env notin (prod)', false],
    ['legacy', false],
    ['!legacy', true],
    ['app', true],
    ['app=web, env in (dev, prod)', true],
  ])('%s -> %s', (sel, want) => {
    expect(matchesSelector(parseSelector(sel), labels)).toBe(want);
  });

  test('a broken selector is a usage error with kubectl wording', () => {
    expect(() => parseSelector('app=(x')).toThrow('unable to parse requirement: "app=(x"');
  });

  test('LabelSelector objects compile to the same matcher', () => {
    const sel = fromLabelSelector({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['dev'] }] });
    expect(matchesSelector(sel, labels)).toBe(true);
    expect(matchesSelector(sel, { ...labels, env: 'dev' })).toBe(false);
    expect(formatLabelSelector({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['dev'] }] })).toBe('app=web,env notin (dev)');
  });
});
