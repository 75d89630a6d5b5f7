// Which URLs and addresses the product may fetch. The server checks job.create's URL with it and
// the pipeline checks every fetch and every connection with it; it has no dependency on either.
export {
  type IsBlockedAddress,
  isAlwaysBlockedAddress,
  isAlwaysBlockedHostname,
  isBlockedAddress,
  isBlockedHostname,
  isLocalhostName,
  isLoopbackAddress,
  isSingleLabelHostname,
} from './address-policy.ts';
export { UrlPolicyError, type UrlPolicyErrorCode, type UrlPolicyErrorOptions } from './errors.ts';
export { type LookupAddresses, resolveAllowedAddresses, toLookupError } from './lookup.ts';
export { AllowedPortsSetting, PrivateNetworkSetting } from './network-settings.ts';
export {
  assertUrlAllowed,
  assertUrlAllowedInternal,
  classifyUrlHost,
  DEFAULT_ALLOWED_PORTS,
  MAX_URL_LENGTH,
  type PrivateNetworkAccess,
  parseAllowedUrl,
  parseHttpUrl,
  portOf,
  type UrlAllowedOptions,
  type UrlHost,
  type UrlPolicy,
  type UrlPolicyInternals,
  urlPolicyFor,
} from './url-policy.ts';
