import { useCallback, useEffect, useMemo, useState } from 'react';
import type { MeResponse, TeamResponse } from '../../sync/account-protocol';
import { createSyncApi, type Fetch } from '../../sync/client/api';
import type { Account } from '../../sync/client/state';
import { useAction } from '../useAction';

/**
 * This member's devices, and for admins the whole team's, as the server has them right now
 * (they live on the server, not in IndexedDB). `act` runs a change and reads both again; a new
 * token after a rotation gives a new api and a fresh read.
 */
export function useTeamDevices(account: Account, fetch: Fetch) {
  const api = useMemo(
    () => createSyncApi({ serverUrl: account.serverUrl, token: account.token, fetch }),
    [account.serverUrl, account.token, fetch],
  );
  const [me, setMe] = useState<MeResponse>();
  const [team, setTeam] = useState<TeamResponse>();
  const { error, run } = useAction();
  const load = useCallback(async () => {
    const mine = await api.me();
    setMe(mine);
    setTeam(mine.role === 'admin' ? await api.team() : undefined);
  }, [api]);
  useEffect(() => void run(load), [run, load]);
  // Resolves to what the change answered (a link just made), or undefined when it failed.
  const act = useCallback(
    async <T>(change: (a: typeof api) => Promise<T>): Promise<T | undefined> => {
      let answer: T | undefined;
      await run(async () => {
        answer = await change(api);
        await load();
      });
      return answer;
    },
    [api, run, load],
  );
  return { me, team, error, act };
}
