import { API_ERRORS, type ApiErrorCode, type ApiErrorData } from '@movie-generator/api-contract';
import { apiErrorOf } from '@movie-generator/api-contract/client';
import { expect } from 'vitest';

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed JSON body, or undefined when it is not JSON. */
  json: unknown;
}

/** One HTTP request as a hostile client would send it, the answer read whole. */
export async function raw(url: string, init: RequestInit = {}): Promise<RawResponse> {
  const res = await fetch(url, init);
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** The API error data of a raw tRPC answer (a single call, or each call of a batch). */
export function errorsOf(json: unknown): (ApiErrorData | null)[] {
  const items = Array.isArray(json) ? json : [json];
  return items.map((item) => {
    const data = (item as { error?: { data?: unknown } } | undefined)?.error?.data;
    const parsed = data as Partial<ApiErrorData> | undefined;
    return parsed?.appCode ? (parsed as ApiErrorData) : null;
  });
}

/** Asserts the stable code and exactly the ja/en text of the contract's table. */
export function expectApiError(data: ApiErrorData | null | undefined, code: ApiErrorCode): void {
  expect(data?.appCode).toBe(code);
  expect(data?.messages).toEqual({ ja: API_ERRORS[code].ja, en: API_ERRORS[code].en });
}

/** Runs a typed-client call that must fail, and returns its API error data. */
export async function apiFailure(call: Promise<unknown>): Promise<ApiErrorData | null> {
  try {
    await call;
  } catch (error) {
    return apiErrorOf(error);
  }
  throw new Error('the call succeeded but was expected to fail');
}
