import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable, isUniqueViolation } from './errors';

/** What node-postgres and Drizzle throw when the server goes away, and what they throw otherwise. */
const wrapped = (cause: unknown) => Object.assign(new Error('Failed query: insert into …'), { cause });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['the server shutting down (57P01)', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    ['the server starting up (57P03)', Object.assign(new Error('the database system is starting up'), { code: '57P03' })],
    ['a connection exception (08006)', Object.assign(new Error('connection failure'), { code: '08006' })],
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a connection cut mid-query', new Error('Connection terminated unexpectedly')],
    ['a connection that errored before', new Error('Client has encountered a connection error and is not queryable')],
    ['a connect timeout', new Error('timeout exceeded when trying to connect')],
    ['any of these wrapped by the query builder', wrapped(Object.assign(new Error('x'), { code: '57P01' }))],
    ['every address refused', Object.assign(new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]), {})],
  ])('is true for %s', (_, e) => {
    expect(isDatabaseUnavailable(e)).toBe(true);
  });

  it.each([
    ['a unique violation', wrapped(Object.assign(new Error('duplicate key'), { code: '23505' }))],
    ['a check violation', Object.assign(new Error('violates check constraint'), { code: '23514' })],
    ['a serialization failure', Object.assign(new Error('could not serialize'), { code: '40001' })],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['nothing', undefined],
    ['a string', 'Connection terminated'],
  ])('is false for %s', (_, e) => {
    expect(isDatabaseUnavailable(e)).toBe(false);
  });

  it('leaves the unique violation to its own check', () => {
    expect(isUniqueViolation(wrapped(Object.assign(new Error('duplicate key'), { code: '23505' })))).toBe(true);
  });
});
