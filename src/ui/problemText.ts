/**
 * A validator problem in the UI's language: the validator writes every message in English and in
 * Chinese (`messageZh`); a Chinese student reads the Chinese one, and the English one where a
 * message has no Chinese.
 */
import { getLang } from './i18n';

export function problemMessage(p: { message: string; messageZh?: string | undefined }): string {
  return getLang() === 'zh' && p.messageZh ? p.messageZh : p.message;
}
