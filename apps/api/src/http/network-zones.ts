import { BlockList, isIPv4, isIPv6 } from 'node:net';
import type { NetworkZone } from '@madoguchi/core';

/** One line of the terminal map: an address range, its zone, and its staff idle timeout. */
export interface ZoneEntry {
  readonly cidr: string;
  readonly zone: NetworkZone;
  readonly idleTimeoutSeconds?: number;
}

export interface ZoneMatch {
  readonly zone: NetworkZone;
  readonly idleTimeoutSeconds?: number;
}

const ZONES: readonly NetworkZone[] = ['individual-number', 'lgwan', 'internet'];

/** Parses `CIDR=ZONE[:idleSeconds]`, e.g. `10.1.0.0/16=individual-number:600`. */
export function parseZoneEntry(text: string): ZoneEntry {
  const match = /^([0-9a-fA-F:.]+)\/(\d{1,3})=([a-z-]+)(?::(\d{2,6}))?$/.exec(text.trim());
  const zone = match?.[3] as NetworkZone | undefined;
  if (!match || !zone || !ZONES.includes(zone) || !(isIPv4(match[1] ?? '') || isIPv6(match[1] ?? ''))) {
    throw new Error(`"${text}" is not CIDR=ZONE[:idleSeconds] with ZONE one of ${ZONES.join(', ')}`);
  }
  return { cidr: `${match[1]}/${match[2]}`, zone, ...(match[4] ? { idleTimeoutSeconds: Number(match[4]) } : {}) };
}

/** The first entry whose range holds the address; null when the terminal is in no configured zone. */
export function zoneResolver(entries: readonly ZoneEntry[]): (address: string) => ZoneMatch | null {
  const lists = entries.map((entry) => {
    const [network, prefix] = entry.cidr.split('/') as [string, string];
    const list = new BlockList();
    list.addSubnet(network, Number(prefix), isIPv6(network) ? 'ipv6' : 'ipv4');
    return { entry, list };
  });
  return (address) => {
    const plain = address.startsWith('::ffff:') && isIPv4(address.slice(7)) ? address.slice(7) : address;
    const type = isIPv6(plain) ? 'ipv6' : 'ipv4';
    const hit = lists.find(({ list }) => list.check(plain, type));
    return hit
      ? {
          zone: hit.entry.zone,
          ...(hit.entry.idleTimeoutSeconds ? { idleTimeoutSeconds: hit.entry.idleTimeoutSeconds } : {}),
        }
      : null;
  };
}
