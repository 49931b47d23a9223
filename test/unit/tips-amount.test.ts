import { describe, expect, it } from 'vitest';
import { currencyCode, exactAmount } from '../../src/main/core/providers/tips/amount';
import { RecentIds } from '../../src/main/core/net/recent-ids';
import { formatMoney } from '../../src/renderer/src/common/format';

describe('exact tip amounts', () => {
  it('keeps decimal strings as sent and turns JSON numbers into their exact decimal', () => {
    expect(exactAmount('13.37')).toBe('13.37');
    expect(exactAmount(' 50.00 ')).toBe('50.00');
    expect(exactAmount(4.2)).toBe('4.2');
    expect(exactAmount(0.3)).toBe('0.3');
    expect(exactAmount(1234567.89)).toBe('1234567.89');
    expect(exactAmount(100)).toBe('100');
  });

  it('refuses what is not a sane positive amount', () => {
    for (const bad of [
      '',
      '0',
      '0.00',
      '-5',
      '1e9',
      'NaN',
      '5,00',
      '$5',
      '1.123456789',
      null,
      {},
      NaN,
      -1,
      1e21,
      1e-7,
    ])
      expect(exactAmount(bad)).toBeNull();
  });

  it('accepts three-letter currency codes only', () => {
    expect(currencyCode('usd')).toBe('USD');
    expect(currencyCode('US Dollars')).toBeNull();
    expect(currencyCode(840)).toBeNull();
  });

  it('formats exactly with Intl.NumberFormat in the given locale, beyond what a float can hold', () => {
    expect(formatMoney({ value: '13.37', currency: 'USD' }, 'en-US')).toBe('$13.37');
    expect(formatMoney({ value: '1000', currency: 'JPY' }, 'en-US')).toBe('¥1,000');
    expect(formatMoney({ value: '4.2', currency: 'EUR' }, 'de-DE')).toBe('4,20\u00a0€');
    // 2^53 + 1 has no float: a number would print …992.
    expect(formatMoney({ value: '9007199254740993', currency: 'USD' }, 'en-US')).toBe(
      '$9,007,199,254,740,993.00',
    );
    expect(formatMoney({ value: '5', currency: 'XYZW' }, 'en-US')).toBe('5 XYZW');
  });
});

describe('seen tip ids', () => {
  it('admits an id once and forgets the oldest beyond its bound', () => {
    const seen = new RecentIds(2);
    expect(seen.admit('a')).toBe(true);
    expect(seen.admit('a')).toBe(false);
    seen.admit('b');
    seen.admit('c');
    expect(seen.size).toBe(2);
    expect(seen.admit('a')).toBe(true);
  });
});
