export { buildTimeline, computeSpans, FRAME_SIZES, PAUSES, TRANSITION_SEC, type TimelineOptions } from './build-timeline.ts';
export { displayWidth, subtitleCards, wrapLines } from './line-break.ts';
