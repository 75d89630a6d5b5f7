/**
 * The only picture source the renderer accepts: a base64 data: URL of a JPEG, which is what
 * `localImageSources` makes. Anything else (http, file, blob, other data types) could make
 * Chromium reach out, so the timeline is cleaned of it before rendering.
 */
const LOCAL_JPEG = /^data:image\/jpeg;base64,[A-Za-z0-9+/]+={0,2}$/;

export const isLocalImageSource = (src: string): boolean => LOCAL_JPEG.test(src);
