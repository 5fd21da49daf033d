/**
 * kubectl's EscapeTerminal (its fix for CVE-2021-25743): object content printed for people never carries a
 * raw ESC or carriage return, so a label or an event message cannot move the cursor, recolour, retitle or
 * rewrite what the terminal already shows. Machine formats (-o json/yaml) keep the bytes as they are.
 */
export function escapeTerminal(text: string): string {
  return text.replace(/\x1b/g, '^[').replace(/\r/g, '\\r');
}
