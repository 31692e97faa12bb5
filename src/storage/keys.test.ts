import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { clampWidth, readLayout } from '../content/panel-layout';
import { DEFAULT_MODE, readModes } from '../settings/display-mode';
import { freshClientDb } from '../../test/support/db';
import type { ClydeDB } from './db';
import { getMeta, LOCAL, META, readStored, SESSION, setMeta } from './keys';

let db: ClydeDB;
beforeEach(() => {
  ({ db } = freshClientDb());
});

describe('meta', () => {
  it('reads back what was written, and reads a value this build does not recognise as missing', async () => {
    await setMeta(db, 'cursor', 7);
    expect(await getMeta(db, 'cursor')).toBe(7);
    await db.meta.put({ key: 'cursor', value: 'seven' });
    expect(await getMeta(db, 'cursor')).toBeUndefined();
    expect(await getMeta(db, 'hlc')).toBeUndefined();
  });

  it('refuses to write a value its schema refuses', async () => {
    expect(() => setMeta(db, 'device', { clientId: 'c' } as never)).toThrow();
    expect(await db.meta.get('device')).toBeUndefined();
  });
});

describe('one name per stored value', () => {
  it('never gives two keys the same name', () => {
    const names = [
      ...Object.keys(META),
      SESSION.context.name(1),
      SESSION.theme.name(1),
      SESSION.pick.name(1),
      ...Object.values(LOCAL).map((k) => k.name),
    ];
    expect(new Set(names).size).toBe(names.length);
  });
});

// The mail content script reads its two settings with plain checks (its size is budgeted); these
// hold those readers to the schemas declared with the keys, on any stored value at all.
const stored = fc.oneof(
  fc.anything(),
  fc.record(
    { gmail: fc.oneof(fc.constantFrom('injected', 'side-panel', 'popup'), fc.anything()), outlook: fc.anything() },
    { requiredKeys: [] },
  ),
  fc.record({ width: fc.oneof(fc.double(), fc.anything()), collapsed: fc.oneof(fc.boolean(), fc.anything()) }, { requiredKeys: [] }),
);

describe('settings the content script reads', () => {
  it('reads display modes as their schema does (property)', () => {
    fc.assert(
      fc.property(stored, (value) => {
        const parsed = readStored(LOCAL.displayModes.schema, value);
        expect(readModes(value)).toEqual({ gmail: parsed?.gmail ?? DEFAULT_MODE, outlook: parsed?.outlook ?? DEFAULT_MODE });
      }),
    );
  });

  it('reads the panel layout as its schema does (property)', () => {
    fc.assert(
      fc.property(stored, (value) => {
        const parsed = readStored(LOCAL.panelLayout.schema, value);
        expect(readLayout(value as never)).toEqual({ width: clampWidth(parsed?.width ?? 340), collapsed: parsed?.collapsed ?? false });
      }),
    );
  });
});
