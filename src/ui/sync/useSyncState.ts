import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { CATCH_UP_PROGRESS } from '../../messaging/protocol';
import { db } from '../../storage/db';
import { META, readStored } from '../../storage/keys';
import type { CatchUp } from '../../sync/client/catch-up';
import { getMeta } from '../../sync/client/state';

/** The team account, the last sync status, a catch-up's progress and the live pending count, as the UI shows them. */
export function useSyncState() {
  const stored = useLiveQuery(async () => ({
    account: await getMeta(db, 'account'),
    status: await getMeta(db, 'syncStatus'),
    device: await getMeta(db, 'device'),
    pending: await db.outbox.where('state').equals('pending').count(),
  }));
  // A query of its own: every catch-up page rewrites it, and a live query is run again on each
  // change, so the others, read with it, would wait out the catch-up too.
  const storedCatchUp = useLiveQuery(() => getMeta(db, 'catchUp'));
  const announced = useAnnouncedCatchUp();
  if (!stored) return undefined;
  return { ...stored, catchUp: announced === undefined ? storedCatchUp : newer(storedCatchUp, announced) };
}

/**
 * The catch-up progress the background posts as each page commits (protocol.ts
 * `CATCH_UP_PROGRESS`): undefined until one comes, null once caught up.
 */
function useAnnouncedCatchUp(): CatchUp | null | undefined {
  const [announced, setAnnounced] = useState<CatchUp | null>();
  useEffect(() => {
    const channel = new BroadcastChannel(CATCH_UP_PROGRESS);
    channel.addEventListener('message', ({ data }: MessageEvent<unknown>) => {
      if (data === null) return setAnnounced(null);
      const progress = readStored(META.catchUp, data);
      if (progress) setAnnounced(progress);
    });
    return () => channel.close();
  }, []);
  return announced;
}

/**
 * Whichever says more of the same catch-up. Otherwise the announcement, the later of the two: a
 * new catch-up announces its count as it starts, and one caught up says so (null).
 */
function newer(stored: CatchUp | undefined, announced: CatchUp | null): CatchUp | undefined {
  if (announced === null) return undefined;
  return stored?.upTo === announced.upTo && stored.done > announced.done ? stored : announced;
}
