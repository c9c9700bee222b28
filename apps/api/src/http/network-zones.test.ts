import { describe, expect, it } from 'vitest';
import { parseZoneEntry, zoneResolver } from './network-zones';

describe('network zones', () => {
  it('parses CIDR=ZONE[:idleSeconds]', () => {
    expect(parseZoneEntry('10.1.0.0/16=individual-number:600')).toEqual({
      cidr: '10.1.0.0/16',
      zone: 'individual-number',
      idleTimeoutSeconds: 600,
    });
    expect(parseZoneEntry('fd00::/8=lgwan')).toEqual({ cidr: 'fd00::/8', zone: 'lgwan' });
  });

  it.each(['10.1.0.0=lgwan', '10.1.0.0/16=intranet', 'example.org/8=lgwan', '10.1.0.0/16'])(
    'refuses %s with the expected form',
    (text) => {
      expect(() => parseZoneEntry(text)).toThrow(/is not CIDR=ZONE\[:idleSeconds\]/);
    },
  );

  it('finds the first matching range, for IPv4, IPv6 and IPv4-mapped addresses', () => {
    const zoneOf = zoneResolver([
      parseZoneEntry('10.1.0.0/16=individual-number:600'),
      parseZoneEntry('10.0.0.0/8=lgwan'),
      parseZoneEntry('::1/128=lgwan'),
    ]);
    expect(zoneOf('10.1.2.3')).toEqual({ zone: 'individual-number', idleTimeoutSeconds: 600 });
    expect(zoneOf('::ffff:10.9.9.9')).toEqual({ zone: 'lgwan' });
    expect(zoneOf('::1')).toEqual({ zone: 'lgwan' });
    expect(zoneOf('192.0.2.1')).toBeNull();
  });
});
