import type { ThreadEvent, ThreadEvents } from '@compact-voices/contracts';
import { ThreadSync } from '@compact-voices/contracts';

function event(seq: number, type: ThreadEvent['type'] = 'comment.created'): ThreadEvent {
  // Only the id matters to ThreadSync's ordering.
  return { seq, type, payload: { id: `c${seq}` } } as ThreadEvent;
}

/** A controllable GET …/events: each call waits until the test answers it. */
function eventsEndpoint() {
  const calls: Array<{ after: number; answer: (value: ThreadEvents) => void; fail: (error: Error) => void }> = [];
  const fetchEvents = (after: number) =>
    new Promise<ThreadEvents>((resolve, reject) => {
      calls.push({ after, answer: resolve, fail: reject });
    });
  return { calls, fetchEvents };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('ThreadSync', () => {
  it('applies events in seq order after the join and ignores one delivered twice', () => {
    const applied: number[] = [];
    const sync = new ThreadSync({ fetchEvents: () => Promise.reject(new Error('not expected')), apply: (e) => applied.push(e.seq) });
    void sync.joined(4);
    sync.receive(event(5));
    sync.receive(event(6));
    sync.receive(event(6));
    sync.receive(event(3));
    expect(applied).toEqual([5, 6]);
    expect(sync.lastSeq).toBe(6);
  });

  it('holds events that arrive before the join is acknowledged, then applies them', () => {
    const applied: number[] = [];
    const sync = new ThreadSync({ fetchEvents: () => Promise.reject(new Error('not expected')), apply: (e) => applied.push(e.seq) });
    sync.receive(event(8));
    sync.receive(event(7));
    expect(applied).toEqual([]);
    void sync.joined(8);
    expect(applied).toEqual([7, 8]);
    expect(sync.lastSeq).toBe(8);
  });

  it('on a gap fetches what was missed after the last seq, applies it in order, then the held event', async () => {
    const applied: number[] = [];
    const endpoint = eventsEndpoint();
    const sync = new ThreadSync({ fetchEvents: endpoint.fetchEvents, apply: (e) => applied.push(e.seq) });
    void sync.joined(10);
    sync.receive(event(11));
    sync.receive(event(14)); // 12 and 13 were lost
    sync.receive(event(15)); // arrives during the catch-up
    expect(endpoint.calls.map((call) => call.after)).toEqual([11]);
    expect(applied).toEqual([11]);

    // The answer is in any order; it is applied in seq order, and overlaps with what is held.
    endpoint.calls[0].answer({ items: [event(13), event(12), event(14)], lastSeq: 14 });
    await flush();
    expect(applied).toEqual([11, 12, 13, 14, 15]);
    expect(sync.lastSeq).toBe(15);
    expect(endpoint.calls).toHaveLength(1);
  });

  it('catches up after a rejoin that reports a later seq, across several answers', async () => {
    const applied: number[] = [];
    const endpoint = eventsEndpoint();
    const sync = new ThreadSync({ fetchEvents: endpoint.fetchEvents, apply: (e) => applied.push(e.seq) });
    void sync.joined(2);
    void sync.joined(2); // a rejoin with nothing new: no request
    expect(endpoint.calls).toHaveLength(0);

    void sync.joined(6); // reconnected: 3…6 happened meanwhile
    expect(endpoint.calls.map((call) => call.after)).toEqual([2]);
    endpoint.calls[0].answer({ items: [event(3), event(4)], lastSeq: 6 }); // a full page: ask again
    await flush();
    expect(endpoint.calls.map((call) => call.after)).toEqual([2, 4]);
    endpoint.calls[1].answer({ items: [event(5, 'reactions.updated'), event(6, 'comment.removed')], lastSeq: 6 });
    await flush();
    expect(applied).toEqual([3, 4, 5, 6]);
    expect(sync.lastSeq).toBe(6);
  });

  it('moves past seqs the server no longer renders (the answer’s lastSeq), and applies a held event once', async () => {
    const applied: number[] = [];
    const endpoint = eventsEndpoint();
    const sync = new ThreadSync({ fetchEvents: endpoint.fetchEvents, apply: (e) => applied.push(e.seq) });
    void sync.joined(1);
    sync.receive(event(5)); // 2…4 were lost
    endpoint.calls[0].answer({ items: [event(2)], lastSeq: 4 }); // 3 and 4 render nothing any more…
    await flush();
    expect(endpoint.calls.map((call) => call.after)).toEqual([1, 2]); // …which only a second answer can say
    endpoint.calls[1].answer({ items: [], lastSeq: 4 });
    await flush();
    expect(applied).toEqual([2, 5]);
    expect(sync.lastSeq).toBe(5);

    // The held event was also in a later answer: applied once.
    sync.receive(event(7));
    endpoint.calls[2].answer({ items: [event(6), event(7)], lastSeq: 7 });
    await flush();
    expect(applied).toEqual([2, 5, 6, 7]);
    expect(sync.lastSeq).toBe(7);
  });

  it('retries a failed catch-up later, keeping what arrives meanwhile', async () => {
    const applied: number[] = [];
    const endpoint = eventsEndpoint();
    const scheduled: Array<{ task: () => void; delay: number }> = [];
    const sync = new ThreadSync({
      fetchEvents: endpoint.fetchEvents,
      apply: (e) => applied.push(e.seq),
      schedule: (task, delay) => {
        scheduled.push({ task, delay });
        return () => undefined;
      },
      random: () => 0.5,
    });
    void sync.joined(1);
    sync.receive(event(3));
    endpoint.calls[0].fail(new Error('offline'));
    await flush();
    expect(scheduled).toHaveLength(1);
    expect(scheduled[0].delay).toBe(750);
    sync.receive(event(4));
    expect(applied).toEqual([]);

    scheduled[0].task();
    expect(endpoint.calls.map((call) => call.after)).toEqual([1, 1]);
    endpoint.calls[1].answer({ items: [event(2), event(3)], lastSeq: 3 });
    await flush();
    expect(applied).toEqual([2, 3, 4]);
  });
});
