import { describe, expect, it } from 'vitest';
import { formatDuration, measureWait } from '../../src/core/suggest/durations';

const DAY = 24;

describe('formatDuration', () => {
  it.each([
    [2, 'to timer', 'två timmar', 'kaksi tuntia', 'two hours'],
    [1, 'en time', 'en timme', 'tunnin', 'an hour'],
    [5.4, 'fem timer', 'fem timmar', 'viisi tuntia', 'five hours'],
    [0.3, 'under en time', 'under en timme', 'alle tunnin', 'less than an hour'],
    [1 * DAY, 'en dag', 'en dag', 'päivän', 'a day'],
    [3 * DAY, 'tre dager', 'tre dagar', 'kolme päivää', 'three days'],
    [2 * DAY + 3, 'to dager', 'två dagar', 'kaksi päivää', 'two days'],
    [7 * DAY, 'en uke', 'en vecka', 'viikon', 'a week'],
    [10 * DAY, 'over en uke', 'över en vecka', 'yli viikon', 'over a week'],
    [21 * DAY, 'tre uker', 'tre veckor', 'kolme viikkoa', 'three weeks'],
    [35 * DAY, 'over en måned', 'över en månad', 'yli kuukauden', 'over a month'],
    [90 * DAY, 'tre måneder', 'tre månader', 'kolme kuukautta', 'three months'],
  ])('%s hours', (hours, nb, sv, fi, en) => {
    expect(formatDuration(hours, 'nb')).toBe(nb);
    expect(formatDuration(hours, 'sv')).toBe(sv);
    expect(formatDuration(hours, 'fi')).toBe(fi);
    expect(formatDuration(hours, 'en')).toBe(en);
  });

  it('uses Finnish cases on request', () => {
    expect(formatDuration(3 * DAY, 'fi', { grammaticalCase: 'genitive' })).toBe('kolmen päivän');
    expect(formatDuration(1 * DAY, 'fi', { grammaticalCase: 'nominative' })).toBe('yksi päivä');
    expect(formatDuration(2, 'fi', { grammaticalCase: 'nominative' })).toBe('kaksi tuntia');
    expect(formatDuration(2, 'fi', { grammaticalCase: 'genitive' })).toBe('kahden tunnin');
  });

  it('uses digits above twelve and English for other languages', () => {
    expect(formatDuration(20, 'nb')).toBe('20 timer');
    expect(formatDuration(20, 'fi')).toBe('20 tuntia');
    expect(formatDuration(3 * DAY, 'da')).toBe('three days');
  });
});

describe('measureWait', () => {
  const now = '2026-11-23T10:00:00Z';

  it('measures from the first unanswered customer message', () => {
    const wait = measureWait(
      [
        { role: 'customer', at: '2026-11-19T10:00:00Z' },
        { role: 'agent', at: '2026-11-19T12:00:00Z' },
        { role: 'customer', at: '2026-11-20T10:00:00Z' },
        { role: 'note', at: '2026-11-21T10:00:00Z' },
        { role: 'customer', at: '2026-11-23T08:00:00Z' },
      ],
      now,
    );
    expect(wait.inRow).toBe(2);
    expect(wait.hours).toBe(72);
    expect(wait.sinceLast).toBe(2);
  });

  it('is zero in a row when the agent answered last', () => {
    const wait = measureWait(
      [
        { role: 'customer', at: '2026-11-20T10:00:00Z' },
        { role: 'agent', at: '2026-11-20T11:00:00Z' },
      ],
      now,
    );
    expect(wait).toEqual({ inRow: 0 });
  });

  it('counts messages in a row without times', () => {
    const wait = measureWait([{ role: 'customer' }, { role: 'customer' }, { role: 'customer' }], now);
    expect(wait).toEqual({ inRow: 3 });
    expect(measureWait([{ role: 'customer', at: '2026-11-20T10:00:00Z' }])).toEqual({ inRow: 1 });
  });
});
