// Test support shared by the core's tests.
import { expect } from 'vitest';
import { Failure } from '../../shared/result';

/** The Failure a promise rejects with (what the user would be told); fails the test on anything else. */
export async function failureOf(promise: Promise<unknown>): Promise<Failure> {
  const caught = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(caught).toBeInstanceOf(Failure);
  return caught as Failure;
}
