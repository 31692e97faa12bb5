import { useState } from 'react';

/**
 * Image hosts the big sites serve profile photos from. Anything else would let a page make the
 * panel fetch an address of its choosing (a tracking beacon), so it shows initials instead.
 */
const PHOTO_HOSTS = [/\.googleusercontent\.com$/, /^media\.licdn\.com$/, /^pbs\.twimg\.com$/];

function safeAvatarUrl(url: string | undefined): string | undefined {
  if (!url || !URL.canParse(url)) return undefined;
  const u = new URL(url);
  return u.protocol === 'https:' && PHOTO_HOSTS.some((h) => h.test(u.hostname)) ? u.href : undefined;
}

/**
 * The person's initial, with their photo drawn over it once the photo has loaded. A photo that is
 * slow, blocked or offline leaves the initial, never an empty circle or a broken image.
 */
export function Avatar({ name, url }: { name: string; url?: string }) {
  const [loaded, setLoaded] = useState<string>();
  const src = safeAvatarUrl(url);
  return (
    <div
      aria-hidden
      className="relative flex h-10 w-10 flex-none items-center justify-center rounded-full bg-blue-100 font-semibold text-blue-800"
    >
      {[...name.trim()][0]?.toUpperCase() ?? '?'}
      {src && (
        <img
          src={src}
          alt=""
          referrerPolicy="no-referrer"
          onLoad={() => setLoaded(src)}
          className={`absolute inset-0 h-10 w-10 rounded-full object-cover ${loaded === src ? '' : 'invisible'}`}
        />
      )}
    </div>
  );
}
