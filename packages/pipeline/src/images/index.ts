export {
  fetchScriptImages,
  IMAGE_DEFAULTS,
  type ImageOptions,
  type LocalImage,
  type LocalImages,
  localImageSources,
  scriptImageUrls,
  slideImageSources,
} from './fetch-images.ts';
export { isLocalImageSource } from './local-source.ts';
export { type ImageFormat, sniffImageFormat } from './sniff.ts';
