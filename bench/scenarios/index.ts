import type { Scenario } from '../lib/types';
import { authedRead } from './authed-read';
import { authedWrite } from './authed-write';
import { pipeline } from './pipeline';
import { trend } from './trend';

/** In the order they run: the cheap HTTP ones first, the ones needing infrastructure after. */
export const scenarios: Scenario[] = [authedRead, authedWrite, pipeline, trend];
