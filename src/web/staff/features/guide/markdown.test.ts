import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown } from './markdown';

describe('the staff guide reader', () => {
  it('reads headings, paragraphs, lists, images, bold and links', () => {
    const blocks = parseMarkdown(
      [
        '# دليل',
        '',
        'نص **مهم** مع [رابط](officer.md).',
        'يكمل الفقرة.',
        '',
        '- أول',
        '- ثان',
        '',
        '1. خطوة',
        '2. خطوة ثانية',
        '',
        '![صورة](../screenshots/x.png)',
      ].join('\n'),
    );
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'list', 'list', 'image']);
    expect(blocks[0]).toEqual({ kind: 'heading', level: 1, text: 'دليل' });
    expect(blocks[1]).toEqual({
      kind: 'paragraph',
      inline: [
        { kind: 'text', text: 'نص ' },
        { kind: 'bold', text: 'مهم' },
        { kind: 'text', text: ' مع ' },
        { kind: 'link', text: 'رابط', href: 'officer.md' },
        { kind: 'text', text: '. يكمل الفقرة.' },
      ],
    });
    expect(blocks[2]).toMatchObject({ ordered: false, items: [[{ text: 'أول' }], [{ text: 'ثان' }]] });
    expect(blocks[3]).toMatchObject({ ordered: true });
    expect(blocks[4]).toEqual({ kind: 'image', alt: 'صورة', src: '../screenshots/x.png' });
  });

  it('keeps markup-looking text as text', () => {
    expect(parseInline('<script>alert(1)</script>')).toEqual([{ kind: 'text', text: '<script>alert(1)</script>' }]);
  });
});
