// @vitest-environment happy-dom
import { useLiveQuery } from 'dexie-react-hooks';
import { IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { freshClientDb } from '../../test/support/db';
import { testRoot } from '../../test/support/react-root';
import { NextClydeDB } from '../../test/support/storage-faults';
import { ClydeDB } from '../storage/db';
import { createPerson } from '../storage/records/people';
import { StorageGate } from './StorageNotice';

function PeopleCount({ db }: { db: ClydeDB }) {
  const n = useLiveQuery(() => db.people.count(), [db]);
  return <p data-testid="count">{n === undefined ? 'loading' : `${n} people`}</p>;
}

const ui = testRoot();
const notices = () => [...ui.container.querySelectorAll('[data-testid=storage-notice]')].map((n) => n.textContent);
const button = (name: string) => [...ui.container.querySelectorAll('button')].find((b) => b.textContent === name);

describe('the storage notice', () => {
  it('asks for a reload when another page upgrades the database', async () => {
    const { db: old, indexedDB } = freshClientDb('clyde-notice');
    await createPerson(old, { name: 'Ana Lima' });
    const reload = vi.fn();
    ui.render(
      <StorageGate health={old.health} reload={reload}>
        <PeopleCount db={old} />
      </StorageGate>,
    );
    await vi.waitFor(() => expect(ui.container.querySelector('[data-testid=count]')?.textContent).toBe('1 people'));
    expect(notices()).toEqual([]);

    const next = new NextClydeDB('clyde-notice', indexedDB);
    await next.open();
    await vi.waitFor(() => expect(notices()).toHaveLength(1));
    expect(notices()[0]).toContain('Clyde was updated in another window. Reload this page');
    button('Reload')!.click();
    expect(reload).toHaveBeenCalledOnce();
    next.close();
  });

  it('on a database newer than its code, says so and shows none of the data', async () => {
    const { indexedDB } = freshClientDb('clyde-notice-newer');
    const next = new NextClydeDB('clyde-notice-newer', indexedDB);
    await createPerson(next, { name: 'Ana Lima' });
    next.close();
    const old = new ClydeDB('clyde-notice-newer', { indexedDB, IDBKeyRange });
    ui.render(
      <StorageGate health={old.health} reload={() => undefined}>
        <PeopleCount db={old} />
      </StorageGate>,
    );
    await vi.waitFor(() => expect(notices()).toHaveLength(1));
    expect(notices()[0]).toContain('older Clyde than the data on this computer');
    expect(button('Reload')).toBeTruthy();
    await new Promise((r) => setTimeout(r, 100)); // the view's query has failed by now
    expect(ui.container.querySelector('[data-testid=count]')?.textContent).toBe('loading');
    old.close();
  });
});
