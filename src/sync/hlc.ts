/**
 * Hybrid logical clock (Kulkarni et al. 2014; the shape follows Actual Budget's timestamp).
 * A stamp is a fixed-width string so that plain string comparison orders stamps:
 *   `${wallMs base36, 9 chars}.${counter base36, 4 chars}.${nodeId}`
 * The node id breaks ties, so two stamps are equal only if they come from the same node and tick.
 */

export type Hlc = string;

export interface HlcState {
  wall: number;
  counter: number;
  node: string;
}

const WALL_WIDTH = 9;
const COUNTER_WIDTH = 4;
const MAX_COUNTER = 36 ** COUNTER_WIDTH - 1;

export function formatHlc(s: HlcState): Hlc {
  return `${s.wall.toString(36).padStart(WALL_WIDTH, '0')}.${s.counter.toString(36).padStart(COUNTER_WIDTH, '0')}.${s.node}`;
}

export function parseHlc(stamp: Hlc): HlcState {
  const [wall, counter, ...node] = stamp.split('.');
  const parsed = { wall: parseInt(wall ?? '', 36), counter: parseInt(counter ?? '', 36), node: node.join('.') };
  if (!Number.isFinite(parsed.wall) || !Number.isFinite(parsed.counter) || !parsed.node) {
    throw new Error(`Not a clock stamp: ${JSON.stringify(stamp)}`);
  }
  return parsed;
}

/** A new local event: never behind the last stamp we issued or saw, even if the wall clock went back. */
export function tick(last: HlcState, now: number): HlcState {
  if (now > last.wall) return { wall: now, counter: 0, node: last.node };
  if (last.counter >= MAX_COUNTER) return { wall: last.wall + 1, counter: 0, node: last.node };
  return { wall: last.wall, counter: last.counter + 1, node: last.node };
}

/** Merge a remote stamp so that our next local event orders after it. */
export function receive(last: HlcState, remote: Hlc, now: number): HlcState {
  const r = parseHlc(remote);
  const wall = Math.max(last.wall, r.wall, now);
  let counter: number;
  if (wall === last.wall && wall === r.wall) counter = Math.max(last.counter, r.counter) + 1;
  else if (wall === last.wall) counter = last.counter + 1;
  else if (wall === r.wall) counter = r.counter + 1;
  else counter = 0;
  if (counter > MAX_COUNTER) return { wall: wall + 1, counter: 0, node: last.node };
  return { wall, counter, node: last.node };
}
