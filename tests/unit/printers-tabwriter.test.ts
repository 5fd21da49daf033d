import { tabwrite } from '../../src/printers/describe/tabwriter';

const describeLayout = (text: string) => tabwrite(text, { minwidth: 0, padding: 2 });

describe('tabwrite (Go text/tabwriter)', () => {
  test('a column is aligned over consecutive lines that have a cell in it', () => {
    expect(describeLayout('Name:\tweb\nNamespace:\tdefault\n')).toBe('Name:       web\nNamespace:  default\n');
  });

  test('a line without tabs ends the block; the next block aligns on its own', () => {
    expect(describeLayout('Name:\tweb\nPod Template:\n  Labels:\tapp=web\n')).toBe('Name:  web\nPod Template:\n  Labels:  app=web\n');
  });

  test('inner columns align only over the lines that have them', () => {
    expect(describeLayout('  Type\tStatus\tReason\n  Available \tTrue\tMinimumReplicasAvailable\nOldReplicaSets:\t<none>\n')).toBe(
      '  Type           Status  Reason\n' +
      '  Available      True    MinimumReplicasAvailable\n' +
      'OldReplicaSets:  <none>\n',
    );
  });

  test('empty cells are padded; the last cell of a line never is', () => {
    expect(describeLayout('IP:\t\nIPs:\t<none>\n')).toBe('IP:   \nIPs:  <none>\n');
  });

  test('minwidth applies to every column (kubectl get uses 6)', () => {
    expect(tabwrite('A\tB\n1\t2\n', { minwidth: 6, padding: 3 })).toBe('A     B\n1     2\n');
  });

  test('widths count characters, not UTF-16 units', () => {
    expect(describeLayout('é🙂:\tx\nab:\ty\n')).toBe('é🙂:  x\nab:  y\n');
  });
});
