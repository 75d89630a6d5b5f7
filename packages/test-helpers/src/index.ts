export * from './http-server.ts';
export * from './temp.ts';
export * from './ffprobe.ts';
export * from './mongo.ts';
export * from './browser.ts';
