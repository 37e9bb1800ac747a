import type { StrategyName } from '../../scenario/strategies';
import { balanced } from './balanced';
import { brand } from './brand';
import { promoter } from './promoter';
import { undercut } from './undercut';
import type { Strategy } from './view';

/** Seeded strategies; `fixed` is not here: it plays the decisions written in the scenario. */
export const STRATEGIES: Record<Exclude<StrategyName, 'fixed'>, Strategy> = { balanced, brand, undercut, promoter };

/** Who plays a player's shop when no decisions are given. */
export const STAND_IN: Strategy = balanced;
