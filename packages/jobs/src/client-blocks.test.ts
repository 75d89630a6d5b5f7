import { useTestMongo } from '@movie-generator/test-helpers';
import { describe, expect, it } from 'vitest';
import {
  addBlock,
  assertClientAllowed,
  listBlocks,
  matchBlock,
  parsePrefix,
  removeBlock,
} from './client-blocks.ts';
import { JobRefusedError } from './errors.ts';

describe('client block list', () => {
  it('normalizes addresses and prefixes and refuses anything else', () => {
    expect(parsePrefix('203.0.113.7').prefix).toBe('203.0.113.7/32');
    expect(parsePrefix('198.51.100.0/24').prefix).toBe('198.51.100.0/24');
    expect(parsePrefix('::ffff:203.0.113.7').prefix).toBe('203.0.113.7/32');
    expect(parsePrefix('2001:DB8::/32').prefix).toBe('2001:db8::/32');
    for (const bad of ['', 'example.com', '203.0.113.0/33', '203.0.113.0/', '1.2.3.4/8/9'])
      expect(() => parsePrefix(bad), bad).toThrow(/not an IP address or prefix/);
  });

  it('matches addresses inside a prefix, of the same family only', () => {
    const blocks = ['198.51.100.0/24', '2001:db8::/32'].map((prefix) => ({
      prefix,
      reason: null,
      createdAt: new Date(),
    }));
    expect(matchBlock(blocks, '198.51.100.200')?.prefix).toBe('198.51.100.0/24');
    expect(matchBlock(blocks, '::ffff:198.51.100.9')?.prefix).toBe('198.51.100.0/24');
    expect(matchBlock(blocks, '198.51.101.1')).toBeNull();
    expect(matchBlock(blocks, '2001:db8:1::5')?.prefix).toBe('2001:db8::/32');
    expect(matchBlock(blocks, '2001:db9::5')).toBeNull();
  });

  describe('in MongoDB, checked at job.create', () => {
    const mongo = useTestMongo();

    it('adds once, lists, removes', async () => {
      expect(await addBlock(mongo.db, '198.51.100.0/24', 'flood')).toEqual({
        prefix: '198.51.100.0/24',
        added: true,
      });
      expect(await addBlock(mongo.db, '198.51.100.0/24', 'still')).toEqual({
        prefix: '198.51.100.0/24',
        added: false,
      });
      expect(await listBlocks(mongo.db)).toMatchObject([{ prefix: '198.51.100.0/24', reason: 'still' }]);
      expect(await removeBlock(mongo.db, '198.51.100.0/24')).toEqual({
        prefix: '198.51.100.0/24',
        removed: true,
      });
      expect(await removeBlock(mongo.db, '198.51.100.0/24')).toEqual({
        prefix: '198.51.100.0/24',
        removed: false,
      });
      expect(await listBlocks(mongo.db)).toEqual([]);
    });

    it('refuses a blocked client with the domain error CLIENT_BLOCKED, and lets it in once unblocked', async () => {
      await addBlock(mongo.db, '198.51.100.0/24', null);
      const refused = await assertClientAllowed(mongo.db, '198.51.100.7').catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(JobRefusedError);
      expect((refused as JobRefusedError).code).toBe('CLIENT_BLOCKED');
      await expect(assertClientAllowed(mongo.db, '198.51.101.7')).resolves.toBeUndefined();
      await expect(assertClientAllowed(mongo.db, 'test-label')).resolves.toBeUndefined();
      await removeBlock(mongo.db, '198.51.100.0/24');
      await expect(assertClientAllowed(mongo.db, '198.51.100.7')).resolves.toBeUndefined();
    });
  });
});
