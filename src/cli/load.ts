/** Scenario and decisions files for the CLI: built-in scenario ids, file paths, and their problems. */
import type { World } from '../engine';
import { builtinScenario, BUILTIN_SCENARIOS, DEFAULT_SCENARIO_ID } from '../sim/scenario';
import { loadDecisionsText, loadScenario, loadScenarioText, type LoadedDecisions } from '../sim/scenario';
import type { Problem } from '../sim/scenario';
import { exists, InputError, readText } from './io';
import { isSaveLike, loadSave, type LoadedSave } from '../sim/save';
import { parseJsonText } from '../sim/scenario';

export function problemLines(file: string, problems: readonly Problem[]): string {
  return problems.map((p) => `${file}: ${p.path}: ${p.message}`).join('\n');
}

/** A scenario from a path, a built-in id, or (no argument) the default. */
export function loadScenarioArg(arg: string | undefined): { world: World; label: string } {
  if (arg === undefined || (!exists(arg) && arg in BUILTIN_SCENARIOS)) {
    const id = arg ?? DEFAULT_SCENARIO_ID;
    const res = loadScenario(builtinScenario(id));
    if (!res.ok) throw new InputError(problemLines(`(built-in ${id})`, res.problems));
    return { world: res.value, label: `(built-in ${id})` };
  }
  const res = loadScenarioText(readText(arg));
  if (!res.ok) throw new InputError(problemLines(arg, res.problems));
  return { world: res.value, label: arg };
}

export function loadDecisionsFile(file: string, world: World): LoadedDecisions {
  const res = loadDecisionsText(readText(file), world);
  if (!res.ok) throw new InputError(problemLines(file, res.problems));
  return res.value;
}

/** The saved game in `file`, or null when the file is not a save (then it is read as a scenario). */
export function readSaveIfAny(file: string): LoadedSave | null {
  if (!exists(file)) return null;
  const parsed = parseJsonText(readText(file));
  if (!parsed.ok || !isSaveLike(parsed.value)) return null;
  const res = loadSave(parsed.value);
  if (!res.ok) throw new InputError(problemLines(file, res.problems));
  return res.value;
}
