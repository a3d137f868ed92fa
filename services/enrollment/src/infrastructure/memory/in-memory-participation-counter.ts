import { InMemoryCountedTokens } from '@relais/store';
import type { ParticipationCounter } from '../../application/ports';

export class InMemoryParticipationCounter extends InMemoryCountedTokens implements ParticipationCounter {}
