/**
 * The validator's messages are English with the course's Chinese terms. For Chinese students the
 * two messages they meet most — an illegal price and a broken promotion rule — are rewritten in
 * Chinese from their numbers; any other message is shown as the validator wrote it.
 */
import { PROMOTION_RULES } from '../scenario/promotions';
import { getLang } from './i18n';

const ILLEGAL = /^illegal price \(违规价格\): price \+ shipping = ([\d.]+) is above the cap ([\d.]+) \(reference price ([\d.]+) × \(1 \+ ([\d.]+)\)\)$/;

export function localizeProblem(message: string): string {
  if (getLang() !== 'zh') return message;
  const m = ILLEGAL.exec(message);
  if (m) return `违规价格：一口价 + 运费 = ${m[1]} 元，超过上限 ${m[2]} 元（参考价 ${m[3]} × (1 + ${m[4]})）`;
  for (const rule of PROMOTION_RULES) {
    const prefix = `breaks platform rule ${rule.no} (${rule.en}): `;
    const at = message.indexOf(prefix);
    if (at >= 0) return `${message.slice(0, at)}违反平台规则 ${rule.no}（${rule.zh}）：${message.slice(at + prefix.length)}`;
  }
  return message;
}
