import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, parseCsv } from './csv.js';

describe('parseCsv', () => {
  it('reads quoted fields with commas, quotes and line breaks, and CRLF lines', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi"""\r\n1,"two\nlines"\n')).toEqual({
      header: ['a', 'b'],
      rows: [
        ['x, y', 'say "hi"'],
        ['1', 'two\nlines'],
      ],
    });
  });

  it('keeps empty trailing fields and skips blank lines', () => {
    expect(parseCsv('a,b\n\n1,\n').rows).toEqual([['1', '']]);
  });

  it('reads back what csvField writes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ minLength: 1 }), { minLength: 2, maxLength: 4 }), { maxLength: 5 }),
        (rows) => {
          const text = ['h1,h2', ...rows.map((r) => r.map(csvField).join(','))].join('\n');
          const parsed = parseCsv(text).rows;
          return (
            JSON.stringify(parsed) === JSON.stringify(rows.filter((r) => r.join('') !== '' || r.length > 1))
          );
        },
      ),
    );
  });
});
