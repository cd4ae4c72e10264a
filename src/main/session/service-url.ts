import { ApiFailure } from '../ipc/failure';

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/;

/**
 * The order service URL a desk may use, normalised. Passwords and tokens travel to it, so it is
 * https, or plain http only to this machine (the embedded demo, a service beside the desk);
 * `allowInsecure` admits http elsewhere for a lab network, on purpose and nowhere by default.
 */
export function checkServiceUrl(text: string, { allowInsecure = false }: { allowInsecure?: boolean } = {}): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ApiFailure('VALIDATION_FAILED', `Not a web address: ${text}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ApiFailure('VALIDATION_FAILED', `The order service is reached over https, not ${url.protocol}`);
  }
  if (url.username || url.password) {
    throw new ApiFailure('VALIDATION_FAILED', 'A user name or password does not belong in the service address');
  }
  if (url.protocol === 'http:' && !LOOPBACK.test(url.hostname) && !allowInsecure) {
    throw new ApiFailure(
      'INSECURE_SERVICE_URL',
      `The order service must be reached over https (http only on this machine): ${url.origin}`,
    );
  }
  return url.href;
}
