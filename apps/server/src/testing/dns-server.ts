import { createSocket } from 'node:dgram';
import type { AddressInfo } from 'node:net';

/** How the test DNS server answers a name: its A records, NXDOMAIN, or never (a black hole). */
export type TestDnsAnswer = { a: string[] } | 'nxdomain' | 'silent';

export interface TestDns {
  /** `127.0.0.1:<port>`, for Resolver.setServers. */
  server: string;
  /** Names asked for, in order (lower case, no trailing dot). */
  queries: string[];
  close(): Promise<void>;
}

/**
 * A real DNS server over UDP on 127.0.0.1 that speaks just enough of RFC 1035 for Node's resolver:
 * one question per query, A answers, NOERROR without answers for other types, NXDOMAIN for
 * names it does not know, and silence for names marked `silent`.
 */
export async function startTestDns(zone: Record<string, TestDnsAnswer>): Promise<TestDns> {
  const socket = createSocket('udp4');
  const queries: string[] = [];
  socket.on('message', (query, peer) => {
    const question = readQuestion(query);
    if (!question) return;
    queries.push(question.name);
    const answer = zone[question.name] ?? 'nxdomain';
    if (answer === 'silent') return;
    const records = answer === 'nxdomain' || question.type !== 1 ? [] : answer.a;
    socket.send(reply(query, question.end, answer === 'nxdomain', records), peer.port, peer.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address() as AddressInfo;
  return {
    server: `127.0.0.1:${port}`,
    queries,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}

function readQuestion(query: Buffer): { name: string; type: number; end: number } | null {
  if (query.length < 17) return null;
  const labels: string[] = [];
  let at = 12;
  while (at < query.length && query[at] !== 0) {
    const length = query[at]!;
    labels.push(query.subarray(at + 1, at + 1 + length).toString('latin1'));
    at += 1 + length;
  }
  if (at + 5 > query.length) return null;
  return { name: labels.join('.').toLowerCase(), type: query.readUInt16BE(at + 1), end: at + 5 };
}

function reply(query: Buffer, questionEnd: number, nxdomain: boolean, addresses: string[]): Buffer {
  const header = Buffer.alloc(12);
  query.copy(header, 0, 0, 2); // id
  header.writeUInt16BE(0x8180 | (nxdomain ? 3 : 0), 2); // response, recursion desired + available
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(addresses.length, 6);
  const answers = addresses.map((address) => {
    const record = Buffer.alloc(16);
    record.writeUInt16BE(0xc00c, 0); // the name: a pointer to the question's
    record.writeUInt16BE(1, 2); // A
    record.writeUInt16BE(1, 4); // IN
    record.writeUInt32BE(60, 6); // TTL
    record.writeUInt16BE(4, 10);
    Buffer.from(address.split('.').map(Number)).copy(record, 12);
    return record;
  });
  return Buffer.concat([header, query.subarray(12, questionEnd), ...answers]);
}
