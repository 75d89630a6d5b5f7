import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { collectBlocks } from './src/extract/blocks.ts';
import { removePageNoise } from './src/extract/page-noise.ts';
const para = 'これは性能を確かめるための段落です。'.repeat(10);
const nav = Array.from({ length: 200 }, (_, i) => `<li><a href="/c/${i}">カテゴリ${i}</a></li>`).join('');
let body = '';
for (let s = 0; s < 200; s++) { body += `<h2>節${s}</h2>`; for (let i = 0; i < 10; i++) body += `<p>${para}${s}-${i}</p>\n`; }
const html = `<html lang="ja"><head><title>大きなページ</title></head><body><nav><ul>${nav}</ul></nav><article>${body}</article><footer>${nav}</footer></body></html>`;
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
for (let r = 0; r < 3; r++) {
let t = cpu();
const dom = new JSDOM(html, { url: 'https://e.com/', virtualConsole: new VirtualConsole() });
console.log('parse', Math.round(cpu() - t)); t = cpu();
removePageNoise(dom.window.document);
console.log('noise', Math.round(cpu() - t)); t = cpu();
const p = new Readability<Element>(dom.window.document, { serializer: (n) => n as Element }).parse();
console.log('readability', Math.round(cpu() - t)); t = cpu();
const b = collectBlocks(p!.content!);
console.log('blocks', Math.round(cpu() - t), b.length);
}
