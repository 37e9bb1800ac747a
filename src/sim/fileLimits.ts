/** The largest file the loaders read, for the CLI's file module (without loading the schemas). */
export { MAX_FILE_BYTES } from '../scenario/parse';
