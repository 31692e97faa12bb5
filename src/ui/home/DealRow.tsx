import type { DealSignal } from '../../opportunities/signals';
import { Avatar } from '../Avatar';
import { companyHref, opportunityHref } from './route';
import { Row } from './Row';

/** A deal on Home (idle past its stage's limit, or won): its title, company and why it is here. Enter opens it. */
export function DealRow({ deal }: { deal: DealSignal }) {
  const { opportunity: o, companyName, sentence } = deal;
  return (
    <Row label={o.title} actions={{ 'home.person': () => (location.hash = opportunityHref(o.id)) }}>
      <div className="flex items-start gap-3" data-testid="home-deal" data-opportunity-id={o.id}>
        <Avatar name={companyName ?? o.title} />
        <div className="min-w-0 flex-1">
          <div className="truncate" dir="auto">
            <a href={opportunityHref(o.id)} tabIndex={-1} className="font-semibold hover:underline">
              {o.title}
            </a>
            {companyName && o.companyId && (
              <a href={companyHref(o.companyId)} tabIndex={-1} className="text-slate-500 hover:underline">
                {' '}
                · {companyName}
              </a>
            )}
          </div>
          <p className="text-slate-700" data-testid="home-reason">
            {sentence}
          </p>
        </div>
      </div>
    </Row>
  );
}
