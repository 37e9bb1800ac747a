/** Scenarios shipped inside the program: the default one plays with no file at all. */
import classic from '../../scenarios/classic.json';

export const DEFAULT_SCENARIO_ID = 'classic';
export const BUILTIN_SCENARIOS: Readonly<Record<string, unknown>> = { classic };

export function builtinScenario(id: string = DEFAULT_SCENARIO_ID): unknown {
  return BUILTIN_SCENARIOS[id];
}
