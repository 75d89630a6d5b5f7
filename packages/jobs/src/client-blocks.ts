import { BlockList, isIP } from 'node:net';
import type { Db } from 'mongodb';
import { JobRefusedError } from './errors.ts';

/**
 * The block list of client IPs and prefixes (trouble case 6 of the operations guide): stored in
 * MongoDB so every server replica sees it, managed with `mg-ops block|unblock|blocks`, and
 * checked at job.create. One document per address or CIDR prefix.
 */
export interface ClientBlockDocument {
  /** Normalized: `203.0.113.7/32`, `198.51.100.0/24`, `2001:db8::/32`. */
  prefix: string;
  reason: string | null;
  createdAt: Date;
}

export const clientBlocks = (db: Db) => db.collection<ClientBlockDocument>('client_blocks');

/**
 * `203.0.113.7`, `198.51.100.0/24` or `2001:db8::/32` → its normalized form; throws on anything
 * else. An IPv4 address mapped into IPv6 (`::ffff:203.0.113.7`) counts as IPv4.
 */
export function parsePrefix(text: string): { prefix: string; address: string; bits: number; family: 4 | 6 } {
  const [rawAddress = '', rawBits, ...extra] = text.trim().split('/');
  const address = rawAddress.replace(/^::ffff:(?=\d+\.)/i, '');
  const family = isIP(address);
  const max = family === 4 ? 32 : 128;
  const bits = rawBits === undefined ? max : Number(rawBits);
  if (!family || extra.length || !Number.isInteger(bits) || bits < 0 || bits > max || rawBits === '')
    throw new Error(
      `not an IP address or prefix: ${text} (e.g. 203.0.113.7, 198.51.100.0/24, 2001:db8::/32)`,
    );
  return { prefix: `${address.toLowerCase()}/${bits}`, address, bits, family: family as 4 | 6 };
}

/** The block that covers `ip`, or null. */
export function matchBlock(blocks: ClientBlockDocument[], ip: string): ClientBlockDocument | null {
  const client = parsePrefix(ip);
  for (const block of blocks) {
    const p = parsePrefix(block.prefix);
    if (p.family !== client.family) continue;
    const list = new BlockList();
    list.addSubnet(p.address, p.bits, p.family === 4 ? 'ipv4' : 'ipv6');
    if (list.check(client.address, client.family === 4 ? 'ipv4' : 'ipv6')) return block;
  }
  return null;
}

export async function addBlock(db: Db, text: string, reason: string | null, now = new Date()) {
  const { prefix } = parsePrefix(text);
  const result = await clientBlocks(db).updateOne(
    { prefix },
    // A block given again keeps its reason unless a new one is given.
    reason === null
      ? { $setOnInsert: { prefix, createdAt: now, reason } }
      : { $setOnInsert: { prefix, createdAt: now }, $set: { reason } },
    { upsert: true },
  );
  return { prefix, added: result.upsertedCount > 0 };
}

export async function removeBlock(db: Db, text: string) {
  const { prefix } = parsePrefix(text);
  const result = await clientBlocks(db).deleteMany({ prefix });
  return { prefix, removed: result.deletedCount > 0 };
}

export function listBlocks(db: Db): Promise<ClientBlockDocument[]> {
  return clientBlocks(db)
    .find({}, { projection: { _id: 0 } })
    .sort({ createdAt: 1 })
    .toArray();
}

/**
 * job.create's check: throws JobRefusedError CLIENT_BLOCKED when the client's IP is on the block list.
 * The list is small (a few entries an operator typed), so it is read whole on each create.
 */
export async function assertClientAllowed(db: Db, clientIp: string): Promise<void> {
  try {
    parsePrefix(clientIp);
  } catch {
    return; // Not an IP (a test's label, a unix socket): nothing a prefix could match.
  }
  const blocks = await listBlocks(db);
  if (blocks.length && matchBlock(blocks, clientIp)) throw new JobRefusedError('CLIENT_BLOCKED');
}
