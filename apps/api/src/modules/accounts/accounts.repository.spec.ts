import { canonicalMailbox, normaliseEmail } from './accounts.repository.js';

describe('canonicalMailbox', () => {
  it.each([
    ['Amina@Example.org', 'amina@example.org'],
    ['  amina@example.org ', 'amina@example.org'],
    ['amina+consultation@example.org', 'amina@example.org'],
    ['amina+a+b@example.org', 'amina@example.org'],
    ['a.mina@example.org', 'a.mina@example.org'],
    ['a.mina+x@example.org', 'a.mina@example.org'],
    ['A.Mina@Gmail.com', 'amina@gmail.com'],
    ['a.m.i.n.a+tag@gmail.com', 'amina@gmail.com'],
    ['amina@googlemail.com', 'amina@gmail.com'],
    ['a.mina+1@GoogleMail.com', 'amina@gmail.com'],
    ['amina@mail.gmail.com', 'amina@mail.gmail.com'],
    ['+amina@example.org', '+amina@example.org'],
    ['...@gmail.com', '...@gmail.com'],
    ['not-an-address', 'not-an-address'],
  ])('%s is the mailbox %s', (email, mailbox) => {
    expect(canonicalMailbox(email)).toBe(mailbox);
  });

  it('is idempotent, and one mailbox for the exact addresses sign-in still tells apart', () => {
    const addresses = ['amina@gmail.com', 'a.mina@gmail.com', 'amina+x@googlemail.com'];
    expect(new Set(addresses.map(canonicalMailbox))).toEqual(new Set(['amina@gmail.com']));
    expect(new Set(addresses.map(normaliseEmail)).size).toBe(3);
    for (const address of addresses) expect(canonicalMailbox(canonicalMailbox(address))).toBe(canonicalMailbox(address));
  });
});
