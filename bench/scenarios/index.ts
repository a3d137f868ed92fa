import type { Scenario } from '../lib/types';
import { authedRead } from './authed-read';
import { authedWrite } from './authed-write';
import { pipeline } from './pipeline';
import { portal } from './portal';
import { standaloneStart } from './standalone-start';
import { trend } from './trend';

/** In the order they run: the processes on their own first, those needing infrastructure after. */
export const scenarios: Scenario[] = [standaloneStart, authedRead, authedWrite, portal, pipeline, trend];
