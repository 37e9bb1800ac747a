/**
 * Saved games, as the adapters (CLI, browser, server) use them: the format and its loading live in
 * `scenario/save.ts` beside the other file formats.
 */
export { isSaveLike, loadSave, loadSaveText, makeSave, saveSchema, scenarioHash, type LoadedSave, type SaveFile } from '../scenario/save';
