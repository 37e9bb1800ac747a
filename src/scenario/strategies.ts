/** Names of the bot strategies a scenario may give a shop as `bot:<name>`. */
export const STRATEGY_NAMES = ['fixed', 'undercut', 'brand', 'balanced', 'promoter'] as const;
export type StrategyName = (typeof STRATEGY_NAMES)[number];

export function isKnownStrategy(name: string): name is StrategyName {
  return (STRATEGY_NAMES as readonly string[]).includes(name);
}
