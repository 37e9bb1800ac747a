/** `shopsim validate FILE... [--scenario FILE]` */
import { parseArgs } from 'node:util';
import type { World } from '../engine';
import { BUILTIN_SCENARIOS } from '../sim/scenario';
import { loadDecisions, loadScenario } from '../sim/scenario';
import { parseJsonText } from '../sim/scenario';
import { loadSave } from '../sim/save';
import { InputError, UsageError, readText, type Output } from './io';
import { loadScenarioArg, problemLines } from './load';

export const VALIDATE_HELP = `Usage: shopsim validate FILE... [--scenario SCENARIO]

Checks scenario, decisions and saved-game files. Prints "FILE: ok" for each good file, or one line per
problem: "FILE: <json path>: <what is wrong, with the allowed range or values>".
A decisions file is checked against the scenario it names: one given with --scenario, a
scenario among the FILEs, or a built-in scenario of that id.
Exit code 0 when every file is good, 1 otherwise.

Examples:
  shopsim validate scenarios/*.json
  shopsim validate my-decisions.json --scenario scenarios/classic.json`;

export function validateCommand(argv: string[], io: Output): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { scenario: { type: 'string' } },
  });
  if (positionals.length === 0) throw new UsageError('validate needs at least one FILE');
  const scenarios = new Map<string, World>();
  if (values.scenario) {
    const { world } = loadScenarioArg(values.scenario);
    scenarios.set(world.id, world);
  }
  const parsed = positionals.map((file) => {
    try {
      return { file, res: parseJsonText(readText(file)) };
    } catch (e) {
      if (e instanceof InputError) return { file, error: e.message };
      throw e;
    }
  });
  // Scenarios first, so that decisions files among the FILEs can be checked against them.
  let bad = 0;
  const lines = new Map<string, string>();
  for (const item of parsed) {
    if (!item.res?.ok || kindOf(item.res.value) !== 'scenario') continue;
    const res = loadScenario(item.res.value);
    if (res.ok) {
      scenarios.set(res.value.id, res.value);
      lines.set(item.file, `${item.file}: ok`);
    } else {
      lines.set(item.file, problemLines(item.file, res.problems));
    }
  }
  for (const item of parsed) {
    if (lines.has(item.file)) continue;
    if (item.error) {
      lines.set(item.file, item.error);
      continue;
    }
    if (!item.res!.ok) {
      lines.set(item.file, problemLines(item.file, item.res!.problems));
      continue;
    }
    const value = item.res!.value;
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      lines.set(item.file, `${item.file}: $: must be a JSON object (a scenario, decisions or save file, with "kind"), not ${Array.isArray(value) ? 'an array' : JSON.stringify(value)}`);
      continue;
    }
    const kind = kindOf(value);
    if (kind === 'save') {
      // A saved game carries its scenario and decisions files: all are checked together.
      const res = loadSave(value);
      lines.set(item.file, res.ok ? `${item.file}: ok` : problemLines(item.file, res.problems));
      continue;
    }
    if (kind !== 'decisions') {
      lines.set(item.file, `${item.file}: $.kind: must be "scenario", "decisions" or "save", not ${JSON.stringify(kind ?? null)}`);
      continue;
    }
    const scenarioId = (value as { scenario?: unknown }).scenario;
    let world = typeof scenarioId === 'string' ? scenarios.get(scenarioId) : undefined;
    if (!world && typeof scenarioId === 'string' && scenarioId in BUILTIN_SCENARIOS) {
      world = loadScenarioArg(scenarioId).world;
    }
    if (!world) {
      const why =
        scenarioId === undefined
          ? 'is required: the id of the scenario these decisions are for (e.g. "classic")'
          : typeof scenarioId !== 'string'
            ? `must be a scenario id (text, e.g. "classic"), not ${JSON.stringify(scenarioId)}`
            : `no scenario "${scenarioId}" to check against (give it with --scenario FILE; built-in: ${Object.keys(BUILTIN_SCENARIOS).join(', ')})`;
      lines.set(item.file, `${item.file}: $.scenario: ${why}`);
      continue;
    }
    const res = loadDecisions(value, world);
    lines.set(item.file, res.ok ? `${item.file}: ok` : problemLines(item.file, res.problems));
  }
  for (const item of parsed) {
    const text = lines.get(item.file)!;
    if (text.endsWith(': ok')) io.out(text);
    else {
      bad++;
      io.err(text);
    }
  }
  return bad ? 1 : 0;
}

function kindOf(value: unknown): string | undefined {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const k = (value as { kind?: unknown }).kind;
    return typeof k === 'string' ? k : undefined;
  }
  return undefined;
}
