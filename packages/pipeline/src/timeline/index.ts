export {
  buildTimeline,
  computeSpans,
  PAUSES,
  type TimelineOptions,
  TRANSITION_SEC,
} from './build-timeline.ts';
export { displayWidth, subtitleCards, wrapLines } from './line-break.ts';
export {
  bulletReveals,
  type ImageSources,
  type LocalImageSource,
  leadImage,
  sectionContent,
} from './slide-content.ts';
