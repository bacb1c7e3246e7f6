import { isIPv6 } from 'node:net';

/**
 * The key a per-address limit counts under. One IPv6 subscriber usually holds a whole /64 and can
 * pick any address in it, so an IPv6 address counts by its /64; an IPv4 address (also when written
 * IPv4-mapped, `::ffff:1.2.3.4`) counts as itself.
 */
export function addressLimitKey(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (!isIPv6(address)) return address;
  const [head = '', tail] = address.split('%')[0]!.toLowerCase().split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  // A dotted IPv4 ending fills two groups.
  const width = (groups: string[]) => groups.reduce((sum, group) => sum + (group.includes('.') ? 2 : 1), 0);
  const zeros = tail === undefined ? 0 : 8 - width(headGroups) - width(tailGroups);
  const groups = [...headGroups, ...Array<string>(zeros).fill('0'), ...tailGroups];
  // The first four groups never hold the dotted part (it is always the last 32 bits).
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** Express's compiled `trust proxy` function (app.get('trust proxy fn')): is the hop at `index` a trusted proxy? */
export type TrustProxyFn = (address: string, index: number) => boolean;

/**
 * A request's client address the way Express's `req.ip` reads it, for requests Express does not see
 * (the socket.io handshake): walk X-Forwarded-For from the nearest hop while each hop is trusted.
 */
export function clientAddressOf(
  request: { socket: { remoteAddress?: string }; headers: Record<string, string | string[] | undefined> },
  trust: TrustProxyFn,
): string {
  const remote = request.socket.remoteAddress ?? '';
  const header = request.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .reverse();
  const hops = [remote, ...forwarded];
  let index = 0;
  while (index < hops.length - 1 && trust(hops[index]!, index)) index++;
  return hops[index]!;
}
