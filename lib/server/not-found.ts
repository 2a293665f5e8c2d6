import 'server-only';
import { notFound } from 'next/navigation';
import { DomainError } from '../errors';

/**
 * A record that does not exist, or lies outside the caller's scope, is the not-found page, never
 * "forbidden" (which would say that it exists). Any other failure is thrown on.
 */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (e) {
    if (e instanceof DomainError && e.code === 'notFound') notFound();
    throw e;
  }
}
