import type { Connection } from 'mongoose';
import { countedTokensModel, MongoCountedTokens } from '@relais/store';
import type { RespondentCounter } from '../../application/ports';

export const countedRespondentModel = (connection: Connection) =>
  countedTokensModel(connection, 'CountedRespondent', 'counted_respondents');

/** Respondents already counted in a cell this month, as keyed tokens only. */
export class MongoRespondentCounter extends MongoCountedTokens implements RespondentCounter {}
