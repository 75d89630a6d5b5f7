export * from './browser.ts';
export * from './ffprobe.ts';
export * from './http-server.ts';
export * from './media.ts';
export * from './mongo.ts';
export * from './net.ts';
export * from './processes.ts';
export * from './temp.ts';
