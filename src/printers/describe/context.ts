import type { KEvent, KObject } from '../../api/types';

/** What describe needs besides the object: its events and the objects of its namespace it relates to. */
export interface DescribeContext {
  events: KEvent[];
  pods?: KObject[];
  replicaSets?: KObject[];
  endpoints?: KObject[];
  services?: KObject[];
  now: Date;
}
