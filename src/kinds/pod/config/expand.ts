/**
 * Kubernetes' $(VAR_NAME) expansion in env values, command and args: a defined variable is replaced, an
 * undefined reference stays as written, and $$ escapes a dollar (so `$$(X)` yields the literal `$(X)`).
 */
export function expand(input: string, vars: (name: string) => string | undefined): string {
  let out = '';
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (c !== '$' || i + 1 >= input.length) {
      out += c;
      continue;
    }
    const next = input[i + 1];
    if (next === '$') {
      out += '$';
      i++;
    } else if (next === '(') {
      const close = input.indexOf(')', i + 2);
      if (close === -1) {
        out += input.slice(i);
        break;
      }
      const name = input.slice(i + 2, close);
      out += vars(name) ?? `$(${name})`;
      i = close;
    } else {
      out += c;
    }
  }
  return out;
}
