import { isIP } from 'node:net';

/**
 * True for addresses a fetcher must not reach unless told to: loopback, private, link-local (cloud metadata
 * at 169.254.169.254), carrier-grade NAT, multicast, unspecified and their IPv6 forms (incl. IPv4-mapped).
 * `isPrivateAddress('10.1.2.3')` → true; `isPrivateAddress('93.184.216.34')` → false.
 */
export function isPrivateAddress(address: string): boolean {
  const version = isIP(address);
  if (version === 4) return isPrivateV4(address);
  if (version !== 6) return true; // Not an address at all: refuse rather than guess.
  const lower = address.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped !== null) return isPrivateV4(mapped[1]!);
  return (
    lower === '::' ||
    lower === '::1' ||
    /^f[cd]/.test(lower) || // unique local fc00::/7
    /^fe[89ab]/.test(lower) || // link-local fe80::/10
    /^ff/.test(lower) // multicast
  );
}

function isPrivateV4(address: string): boolean {
  const [a = 0, b = 0] = address.split('.').map(Number);
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 198 && (b === 18 || b === 19)) ||
    a >= 224
  );
}
