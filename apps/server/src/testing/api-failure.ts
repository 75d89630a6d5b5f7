import { apiErrorOf } from '@movie-generator/api-contract/client';

/** The API error a call fails with (the test fails if it succeeds). */
export async function failure(call: Promise<unknown>) {
  try {
    await call;
  } catch (error) {
    const data = apiErrorOf(error);
    if (!data) throw error;
    return data;
  }
  throw new Error('expected the call to fail');
}
