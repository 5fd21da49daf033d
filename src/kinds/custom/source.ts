/**
 * Where the CustomResourceDefinitions come from: the CLI points this at its state file once per command
 * (cli/main.ts), so that name resolution, validation and printing know the kinds they define. A lookup made
 * while the source itself reads the state sees none, and a state that cannot be read defines none (the
 * command that reads it reports why).
 */
import type { KObject } from '../../api/types';

type Source = () => KObject[];

let source: Source = () => [];
let reading = false;

export function setCustomResourceSource(next: Source): void {
  source = next;
}

export function customResourceDefinitions(): KObject[] {
  if (reading) return [];
  reading = true;
  try {
    return source();
  } catch {
    return [];
  } finally {
    reading = false;
  }
}
