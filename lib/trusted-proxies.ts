import { BlockList, isIP } from 'node:net';

/**
 * Which reverse proxies in front of the portal are believed when they forward a client's
 * address or host (TRUSTED_PROXIES): none (the default), a number of hops, or a list of
 * addresses and CIDR ranges.
 */
export type TrustedProxies =
  { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'list'; ranges: { address: string; prefix: number; family: 'ipv4' | 'ipv6' }[] };

const MAX_HOPS = 16;

/** An IPv4 address seen through an IPv6 socket (`::ffff:10.0.0.1`) as the IPv4 address it is. */
export function normalizeAddress(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let a = raw.trim();
  if (a.startsWith('[') && a.endsWith(']')) a = a.slice(1, -1);
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(a);
  if (mapped) a = mapped[1]!;
  return isIP(a) ? a.toLowerCase() : null;
}

/** TRUSTED_PROXIES as written, or null when it is none of the accepted forms. */
export function parseTrustedProxies(raw: string): TrustedProxies | null {
  const value = raw.trim().toLowerCase();
  if (value === '' || value === '0' || value === 'none') return { kind: 'none' };
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return hops <= MAX_HOPS ? { kind: 'hops', hops } : null;
  }
  const ranges: { address: string; prefix: number; family: 'ipv4' | 'ipv6' }[] = [];
  for (const part of value
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [addr, prefixText, ...rest] = part.split('/');
    const address = normalizeAddress(addr);
    if (!address || rest.length) return null;
    const family = isIP(address) === 4 ? 'ipv4' : 'ipv6';
    const max = family === 'ipv4' ? 32 : 128;
    if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return null;
    const prefix = prefixText === undefined ? max : Number(prefixText);
    if (prefix > max) return null;
    ranges.push({ address, prefix, family });
  }
  return ranges.length ? { kind: 'list', ranges } : null;
}

const blockLists = new WeakMap<object, BlockList>();
function blockListOf(trust: Extract<TrustedProxies, { kind: 'list' }>): BlockList {
  let list = blockLists.get(trust);
  if (!list) {
    list = new BlockList();
    for (const r of trust.ranges) list.addSubnet(r.address, r.prefix, r.family);
    blockLists.set(trust, list);
  }
  return list;
}

function inList(trust: Extract<TrustedProxies, { kind: 'list' }>, address: string): boolean {
  return blockListOf(trust).check(address, isIP(address) === 4 ? 'ipv4' : 'ipv6');
}

/** Whether the direct peer (the socket's address) is a proxy whose forwarded headers count. */
export function peerIsTrusted(trust: TrustedProxies, peer: string | null): boolean {
  if (!peer || trust.kind === 'none') return false;
  return trust.kind === 'hops' ? trust.hops > 0 : inList(trust, peer);
}

/**
 * The client's address: the socket's own unless the peer is a trusted proxy; then X-Forwarded-For
 * is walked from the right, past trusted hops, to the first address not trusted (with a count
 * of hops: the entry that many hops from the socket). An entry that is not an address stops the
 * walk at the last trusted hop, so a client cannot escape counting by sending garbage.
 */
export function clientAddress(trust: TrustedProxies, peerRaw: string | null, forwardedFor: string | null): string | null {
  const peer = normalizeAddress(peerRaw);
  if (!peer || !peerIsTrusted(trust, peer)) return peer;
  const chain = (forwardedFor ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  let current = peer;
  for (let hop = 1; chain.length > 0; hop++) {
    const next = normalizeAddress(chain.pop());
    if (!next) return current;
    current = next;
    const stillProxy = trust.kind === 'hops' ? hop < trust.hops : trust.kind === 'list' && inList(trust, current);
    if (!stillProxy) return current;
  }
  return current;
}

/** The host the client asked for: the Host header, or X-Forwarded-Host's last entry from a trusted proxy. */
export function effectiveHost(trust: TrustedProxies, peerRaw: string | null, host: string | null, forwardedHost: string | null): string | null {
  const peer = normalizeAddress(peerRaw);
  if (forwardedHost && peerIsTrusted(trust, peer)) {
    const last = forwardedHost
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean)
      .at(-1);
    if (last) return last;
  }
  return host?.trim() || null;
}
