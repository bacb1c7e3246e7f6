import { addressLimitKey, clientAddressOf } from './client-address.js';

describe('addressLimitKey', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:85a3:8d3:1319:8a2e:370:7348', '2001:db8:85a3:8d3::/64'],
    ['2001:db8:85a3:8d3::1', '2001:db8:85a3:8d3::/64'],
    ['2001:0DB8:0000:0001::ffff', '2001:db8:0:1::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['64:ff9b::192.0.2.33', '64:ff9b:0:0::/64'],
    ['unknown', 'unknown'],
  ])('%s counts as %s', (address, key) => {
    expect(addressLimitKey(address)).toBe(key);
  });

  it('puts every address of one /64 under one key, and neighbouring /64s under others', () => {
    expect(addressLimitKey('2001:db8:1:2:aaaa::1')).toBe(addressLimitKey('2001:db8:1:2:ffff:ffff:ffff:ffff'));
    expect(addressLimitKey('2001:db8:1:2::1')).not.toBe(addressLimitKey('2001:db8:1:3::1'));
  });
});

describe('clientAddressOf (a socket handshake read like req.ip)', () => {
  const request = (remoteAddress: string, forwarded?: string) => ({
    socket: { remoteAddress },
    headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded },
  });
  const none = () => false;
  const loopback = (address: string) => address === '127.0.0.1' || address === '::1';
  const hops = (count: number) => (_address: string, index: number) => index < count;

  it('is the connection address when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddressOf(request('203.0.113.5', '198.51.100.1'), none)).toBe('203.0.113.5');
  });

  it('walks X-Forwarded-For only through trusted hops', () => {
    expect(clientAddressOf(request('127.0.0.1', '198.51.100.1'), loopback)).toBe('198.51.100.1');
    expect(clientAddressOf(request('127.0.0.1', '10.9.9.9, 198.51.100.1'), loopback)).toBe('198.51.100.1');
    expect(clientAddressOf(request('127.0.0.1', '10.9.9.9, 198.51.100.1'), hops(2))).toBe('10.9.9.9');
    expect(clientAddressOf(request('127.0.0.1'), loopback)).toBe('127.0.0.1');
  });
});
