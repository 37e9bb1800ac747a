/**
 * The scenario layer as the adapters (cli, server, ui) use it: they import the engine through its
 * index and everything else through sim, so that the linter can keep the layers apart
 * (scripts/check-layers.mjs). Loading, parsing and the file formats themselves live in src/scenario.
 */
export { builtinScenario, BUILTIN_SCENARIOS, DEFAULT_SCENARIO_ID } from '../scenario/builtin';
export { loadDecisions, loadDecisionsText, loadScenario, loadScenarioText, priceCapFen, type LoadedDecisions } from '../scenario/load';
export { MAX_FILE_BYTES, parseJsonText } from '../scenario/parse';
export { problem, type Checked, type Problem } from '../scenario/problems';
export { PROMOTION_TOOLS } from '../scenario/promotions';
export { ID_PATTERN, LIMITS, roundDecisionSchema } from '../scenario/schema';
export { STARTER_LIMITS, starterScenario } from '../scenario/starter';
