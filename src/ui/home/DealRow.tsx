import type { DealSignal } from '../../opportunities/signals';
import { companyHref, opportunityHref } from './route';
import { Row } from './Row';

/** A deal on Home (idle past its stage's limit, or won): its title, company and why it is here. Enter opens it. */
export function DealRow({ deal }: { deal: DealSignal }) {
  const { opportunity: o, companyName, sentence } = deal;
  return (
    <Row label={o.title} actions={{ 'home.person': () => (location.hash = opportunityHref(o.id)) }}>
      <div data-testid="home-deal" data-opportunity-id={o.id}>
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
    </Row>
  );
}
