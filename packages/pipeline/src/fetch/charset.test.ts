import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { canonicalCharset, charsetFromMeta, decodeHtml } from './charset.ts';
import { parseContentType, sniffsAsHtml } from './content-type.ts';

const TEXT = '新幹線は一九六四年に開業した。ひらがな、カタカナ、漢字。';
const page = (meta: string) =>
  `<!doctype html><html><head>${meta}<title>t</title></head><body><p>${TEXT}</p></body></html>`;

describe('decodeHtml', () => {
  it('uses the Content-Type charset (Shift_JIS)', () => {
    const result = decodeHtml(iconv.encode(page(''), 'Shift_JIS'), 'Shift_JIS');
    expect(result).toMatchObject({ charset: 'shift_jis', source: 'header' });
    expect(result.html).toContain(TEXT);
  });

  it('uses the Content-Type charset (EUC-JP) even when a meta tag disagrees', () => {
    const result = decodeHtml(iconv.encode(page('<meta charset="utf-8">'), 'EUC-JP'), 'euc-jp');
    expect(result).toMatchObject({ charset: 'euc-jp', source: 'header' });
    expect(result.html).toContain(TEXT);
  });

  it('reads <meta charset> when the header has none', () => {
    const result = decodeHtml(iconv.encode(page('<meta charset="Shift_JIS">'), 'Shift_JIS'));
    expect(result).toMatchObject({ charset: 'shift_jis', source: 'meta' });
    expect(result.html).toContain(TEXT);
  });

  it('reads <meta http-equiv content="...charset=..."> with odd quoting and case', () => {
    const meta = `<META HTTP-EQUIV='Content-Type' CONTENT='text/html; Charset=EUC-JP'>`;
    const result = decodeHtml(iconv.encode(page(meta), 'EUC-JP'));
    expect(result).toMatchObject({ charset: 'euc-jp', source: 'meta' });
    expect(result.html).toContain(TEXT);
  });

  it('maps the common aliases through the WHATWG label table', () => {
    expect(canonicalCharset('x-sjis')).toBe('shift_jis');
    expect(canonicalCharset('Windows-31J')).toBe('shift_jis');
    expect(canonicalCharset('EUC-JP')).toBe('euc-jp');
    expect(canonicalCharset('iso-8859-1')).toBe('windows-1252');
    expect(canonicalCharset('no-such-charset')).toBeUndefined();
  });

  it('ignores an unknown header charset and falls back to the meta tag', () => {
    const result = decodeHtml(iconv.encode(page('<meta charset="shift_jis">'), 'Shift_JIS'), 'bogus-8');
    expect(result).toMatchObject({ charset: 'shift_jis', source: 'meta' });
  });

  it('lets a BOM win over the header', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page(''), 'utf8')]);
    const result = decodeHtml(bytes, 'shift_jis');
    expect(result).toMatchObject({ charset: 'utf-8', source: 'bom' });
    expect(result.html.startsWith('<!doctype')).toBe(true);
    expect(result.html).toContain(TEXT);
  });

  it('treats a meta utf-16 declaration as utf-8 (the HTML rule)', () => {
    expect(charsetFromMeta(Buffer.from('<meta charset="utf-16">'))).toBe('utf-8');
  });

  it('defaults to UTF-8 without any declaration', () => {
    const result = decodeHtml(Buffer.from(page(''), 'utf8'));
    expect(result).toMatchObject({ charset: 'utf-8', source: 'guess' });
    expect(result.html).toContain(TEXT);
  });

  it('guesses Shift_JIS and EUC-JP when nothing is declared and UTF-8 does not fit', () => {
    const sjis = decodeHtml(iconv.encode(page(''), 'Shift_JIS'));
    expect(sjis).toMatchObject({ charset: 'shift_jis', source: 'guess' });
    expect(sjis.html).toContain(TEXT);
    const euc = decodeHtml(iconv.encode(page(''), 'EUC-JP'));
    expect(euc).toMatchObject({ charset: 'euc-jp', source: 'guess' });
    expect(euc.html).toContain(TEXT);
  });

  it('re-reads a Shift_JIS page mislabelled charset=utf-8, but keeps UTF-8 with a stray bad byte', () => {
    const mislabelled = decodeHtml(iconv.encode(page(''), 'Shift_JIS'), 'utf-8');
    expect(mislabelled).toMatchObject({ charset: 'shift_jis', source: 'guess' });
    expect(mislabelled.html).toContain(TEXT);
    const stray = Buffer.concat([Buffer.from(page(''), 'utf8'), Buffer.from([0xff])]);
    expect(decodeHtml(stray, 'utf-8')).toMatchObject({ charset: 'utf-8', source: 'header' });
  });

  it('reads UTF-8 bytes as UTF-8 although the page declares a legacy charset (meta or header)', () => {
    const gb = decodeHtml(Buffer.from(page('<meta charset="gb2312">'), 'utf8'));
    expect(gb).toMatchObject({ charset: 'utf-8', source: 'guess' });
    expect(gb.html).toContain(TEXT);
    const sjisHeader = decodeHtml(Buffer.from(page(''), 'utf8'), 'Shift_JIS');
    expect(sjisHeader).toMatchObject({ charset: 'utf-8', source: 'guess' });
    expect(sjisHeader.html).toContain(TEXT);
    const latin1Header = decodeHtml(
      Buffer.from(page('<meta charset="iso-8859-1">').replace(TEXT, 'café'), 'utf8'),
    );
    expect(latin1Header.charset).toBe('utf-8');
    expect(latin1Header.html).toContain('café');
  });

  it('still decodes real legacy bytes with their declared charset', () => {
    const sjis = decodeHtml(iconv.encode(page('<meta charset="gb2312">'), 'Shift_JIS'), 'Shift_JIS');
    expect(sjis).toMatchObject({ charset: 'shift_jis', source: 'header' });
    expect(sjis.html).toContain(TEXT);
    const gbk = decodeHtml(
      iconv.encode(page('<meta charset="gb2312">').replace(TEXT, '潮汐是由月球引力引起的'), 'gbk'),
    );
    expect(gbk).toMatchObject({ charset: 'gbk', source: 'meta' });
    expect(gbk.html).toContain('潮汐是由月球引力引起的');
    const cp1252 = decodeHtml(Buffer.from(page('').replace(TEXT, 'café'), 'latin1'), 'windows-1252');
    expect(cp1252).toMatchObject({ charset: 'windows-1252', source: 'header' });
    expect(cp1252.html).toContain('café');
  });

  it('keeps the declared label of a pure ASCII page', () => {
    const ascii = decodeHtml(Buffer.from(page('<meta charset="shift_jis">').replace(TEXT, 'plain'), 'utf8'));
    expect(ascii).toMatchObject({ charset: 'shift_jis', source: 'meta' });
  });

  it('does not look for a meta tag beyond the prescan window', () => {
    const late = `<html><head><!--${' '.repeat(5000)}--><meta charset="shift_jis"></head></html>`;
    expect(charsetFromMeta(Buffer.from(late))).toBeUndefined();
  });
});

describe('content type helpers', () => {
  it('parses media type and charset', () => {
    expect(parseContentType('text/html; charset="Shift_JIS"')).toEqual({
      mediaType: 'text/html',
      charset: 'Shift_JIS',
    });
    expect(parseContentType('Text/HTML')).toEqual({ mediaType: 'text/html' });
    expect(parseContentType('')).toBeUndefined();
    expect(parseContentType(undefined)).toBeUndefined();
  });

  it('sniffs HTML only from the HTML patterns', () => {
    expect(sniffsAsHtml(Buffer.from('\n  <!DOCTYPE html><html>'))).toBe(true);
    expect(sniffsAsHtml(Buffer.from('<html lang="ja">'))).toBe(true);
    expect(sniffsAsHtml(Buffer.from('\ufeff<p>hello</p>'))).toBe(true);
    expect(sniffsAsHtml(Buffer.from('<!-- c -->'))).toBe(true);
    expect(sniffsAsHtml(Buffer.from('%PDF-1.7\n'))).toBe(false);
    expect(sniffsAsHtml(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(false);
    expect(sniffsAsHtml(Buffer.from('{"html": "<p>"}'))).toBe(false);
    expect(sniffsAsHtml(Buffer.from('<pre>'))).toBe(false);
  });
});
