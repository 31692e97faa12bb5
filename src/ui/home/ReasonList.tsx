import type { Reason } from '../../home/reasons';
import { personHref } from './route';

/** A reason's sentence; with a note or task behind it, a link that opens the person there. */
export function ReasonSentence({ personId, reason: r }: { personId: string; reason: Reason }) {
  if (!r.noteId && !r.taskId) return <>{r.sentence}</>;
  return (
    <a href={personHref({ personId, noteId: r.noteId, taskId: r.taskId })} className="hover:underline" data-testid="home-evidence">
      {r.sentence}
    </a>
  );
}

/** Why someone is listed, one sentence each. */
export function ReasonList({ personId, reasons }: { personId: string; reasons: Reason[] }) {
  return (
    <ul className="text-slate-700">
      {reasons.map((r) => (
        <li key={r.kind} data-testid="home-reason" data-kind={r.kind} dir="auto">
          <ReasonSentence personId={personId} reason={r} />
        </li>
      ))}
    </ul>
  );
}
