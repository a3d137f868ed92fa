import type { Connection } from 'mongoose';
import { countedTokensModel, MongoCountedTokens } from '@relais/store';
import type { ParticipationCounter } from '../../application/ports';

export const countedCellModel = (connection: Connection) =>
  countedTokensModel(connection, 'CountedCell', 'counted_cells');

/** The cells a teacher was already counted in, as keyed tokens only (ADR 0005). */
export class MongoParticipationCounter extends MongoCountedTokens implements ParticipationCounter {}
