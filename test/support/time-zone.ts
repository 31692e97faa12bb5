import { afterEach, beforeEach } from 'vitest';

/**
 * Runs each test of the calling `describe` with the process's local time in `zone` (an IANA name),
 * and puts the previous zone back afterwards. Node rereads `TZ` whenever it is assigned, so local
 * dates (`new Date(y, m, d)`, `getHours()`) follow it at once. Formatters built before the switch
 * keep the zone they were built in.
 */
export function inTimeZone(zone: string): void {
  let before: string | undefined;
  beforeEach(() => {
    before = process.env.TZ;
    process.env.TZ = zone;
  });
  afterEach(() => {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  });
}
