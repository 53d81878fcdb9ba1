import { isIP } from 'node:net';

/**
 * Whether a listen address can only be reached from the same machine: 127.0.0.0/8, ::1 (also as
 * ::ffff:127.x.x.x) or the name `localhost`. Anything else (0.0.0.0, ::, a LAN or public address,
 * another host name) may be reachable from the network.
 */
export function indirizzoLoopback(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost') return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (isIP(h) === 6) return h === '::1' || /^::ffff:127\./.test(h) || /^0*:(0*:){6}0*1$/.test(h);
  return false;
}
