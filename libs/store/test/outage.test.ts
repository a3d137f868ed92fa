import mongoose from 'mongoose';
import { isMongoOutage } from '../src';

const named = (name: string, message = 'lost') => Object.assign(new Error(message), { name });

describe('isMongoOutage', () => {
  it.each([
    ['a network error', named('MongoNetworkError')],
    ['a server selection timeout from mongoose', named('MongooseServerSelectionError')],
    ['a closed client', named('MongoNotConnectedError')],
    [
      'an operation buffered while disconnected',
      named('MongooseError', 'Operation x.insertOne() buffering timed out after 10000ms'),
    ],
    ['an outage wrapped as a cause', new Error('apply failed', { cause: named('MongoNetworkTimeoutError') })],
    [
      'an error labelled retryable',
      new mongoose.mongo.MongoServerError({ errmsg: 'stepdown', errorLabels: ['RetryableWriteError'] }),
    ],
  ])('calls %s an outage', (_case, error) => {
    expect(isMongoOutage(error)).toBe(true);
  });

  it.each([
    ['a duplicate key', new mongoose.mongo.MongoServerError({ errmsg: 'E11000 duplicate key', code: 11000 })],
    ['a validation error', new mongoose.Error.ValidationError()],
    ['a contract violation', named('ContractViolation')],
    ['any other mongoose error', named('MongooseError', 'Cast to ObjectId failed')],
    ['something that is not an error', 'MongoNetworkError'],
  ])('does not call %s an outage', (_case, error) => {
    expect(isMongoOutage(error)).toBe(false);
  });
});
