/**
 * Secret masking for every log line. Known secrets (tokens loaded at runtime) are registered and replaced
 * verbatim; token-shaped patterns are masked too, so a secret never reaches a log even before registration.
 */
const registered = new Set<string>();

export function registerSecret(secret: string | null | undefined): void {
  if (secret && secret.length >= 6) registered.add(secret);
}

const PATTERNS: RegExp[] = [
  /(oauth:)[^\s"';,]+/gi,
  /(Bearer\s+)[^\s"';,]+/gi,
  /(OAuth\s+)[^\s"';,]+/g,
  /((?:access_token|refresh_token|device_code|token|secret|client_secret)["']?\s*[:=]\s*["']?)[^\s"'&,;}]+/gi,
  /([?&](?:secret|token)=)[^\s&#"']+/gi,
];

export function maskSecrets(text: string): string {
  let out = text;
  for (const secret of registered) {
    if (out.includes(secret)) out = out.split(secret).join('***');
  }
  for (const pattern of PATTERNS) out = out.replace(pattern, '$1***');
  return out;
}
