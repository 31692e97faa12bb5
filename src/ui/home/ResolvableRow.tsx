import { useRef, useState } from 'react';
import type { Reason } from '../../home/reasons';
import { keysLabel, shortcut } from '../shortcuts';
import { HowInput } from './HowInput';
import { ReasonSentence } from './ReasonList';
import type { PersonTarget } from './route';
import { Row } from './Row';

/**
 * A reason on Home that the user can deal with from the list: its sentence links the note or task
 * it comes from, and r (or the button) asks "how?" and writes the answer on the timeline.
 */
export function ResolvableRow({
  personId,
  reason,
  verb,
  ask,
  open,
  onSave,
}: {
  personId: string;
  reason: Reason;
  /** The button: "Resolve", "Reached out". */
  verb: string;
  /** The question the input asks, for screen readers: "How was it resolved?". */
  ask: string;
  open: (to: PersonTarget) => void;
  onSave: (how: string) => Promise<unknown>;
}) {
  const [asking, setAsking] = useState(false);
  const row = useRef<HTMLLIElement>(null);
  const target = { personId, noteId: reason.noteId, taskId: reason.taskId };
  const close = () => {
    setAsking(false);
    row.current?.focus();
  };
  return (
    <Row ref={row} actions={{ 'home.person': () => open(target), 'home.resolve': () => setAsking(true) }}>
      <div className="flex items-start gap-2" data-testid="home-reason" data-kind={reason.kind}>
        <span className="min-w-0 flex-1" dir="auto">
          <ReasonSentence personId={personId} reason={reason} />
        </span>
        <button
          type="button"
          aria-expanded={asking}
          aria-keyshortcuts={keysLabel(shortcut('home.resolve'))}
          onClick={() => setAsking(true)}
          className="text-xs text-blue-700 underline"
        >
          {verb}
        </button>
      </div>
      {asking && <HowInput label={ask} onSave={onSave} onClose={close} />}
    </Row>
  );
}
