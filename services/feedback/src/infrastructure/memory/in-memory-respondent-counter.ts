import { InMemoryCountedTokens } from '@relais/store';
import type { RespondentCounter } from '../../application/ports';

export class InMemoryRespondentCounter extends InMemoryCountedTokens implements RespondentCounter {}
