/**
 * Classic played from the plain opening (every market at its reference price, nothing bought),
 * which the review and coach tests' hand-worked numbers start from.
 */
import { builtinScenario } from '../../src/scenario/builtin';
import { checkDraft, initialDraft, type PlanDraft } from '../../src/ui/planDraft';
import { current, playRoundWith, startSession, type Session } from '../../src/ui/session';

export function start(seed = 7): Session {
  const res = startSession(builtinScenario('classic'), seed);
  if (!res.ok) throw new Error(JSON.stringify(res.problems));
  return res.value;
}

export function play(session: Session, edit: (d: PlanDraft) => void = () => {}): Session {
  const draft = initialDraft(session, current(session), { coach: false });
  edit(draft);
  const checked = checkDraft(session, draft);
  if (!checked.entry) throw new Error(JSON.stringify(checked.problems));
  const res = playRoundWith(session, checked.entry);
  if (!res.ok) throw new Error(JSON.stringify(res.problems));
  return res.value;
}
