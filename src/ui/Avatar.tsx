import { useState } from 'react';

/**
 * Image hosts the big sites serve profile photos from. Anything else would let a page make the
 * panel fetch an address of its choosing (a tracking beacon), so it shows initials instead.
 */
const PHOTO_HOSTS = [/\.googleusercontent\.com$/, /^media\.licdn\.com$/, /^pbs\.twimg\.com$/];

export function safeAvatarUrl(url: string | undefined): string | undefined {
  if (!url || !URL.canParse(url)) return undefined;
  const u = new URL(url);
  return u.protocol === 'https:' && PHOTO_HOSTS.some((h) => h.test(u.hostname)) ? u.href : undefined;
}

export function Avatar({ name, url }: { name: string; url?: string }) {
  const [failed, setFailed] = useState(false);
  const src = safeAvatarUrl(url);
  if (src && !failed) {
    return <img src={src} alt="" referrerPolicy="no-referrer" onError={() => setFailed(true)} className="h-10 w-10 flex-none rounded-full object-cover" />;
  }
  return (
    <div aria-hidden className="flex h-10 w-10 flex-none items-center justify-center rounded-full bg-blue-100 font-semibold text-blue-800">
      {[...name.trim()][0]?.toUpperCase() ?? '?'}
    </div>
  );
}
