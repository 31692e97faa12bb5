/**
 * What someone does and where they are, as a profile or the user gave it: the headline (or the
 * company) and the location. A headline usually names the company ("Staff Engineer at Contoso
 * Cloud"), so the company is added only when it does not. Clamped: a page's text is unbounded.
 */
export function WorkLine({ headline, company, location }: { headline?: string; company?: string; location?: string }) {
  const work = headline && company && !headline.includes(company) ? `${headline} · ${company}` : headline || company;
  return (
    <>
      {work && (
        <div className="line-clamp-2 break-words text-slate-600" dir="auto" data-testid="person-work">
          {work}
        </div>
      )}
      {location && (
        <div className="truncate text-xs text-slate-500" dir="auto" data-testid="person-location">
          {location}
        </div>
      )}
    </>
  );
}
