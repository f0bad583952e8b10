import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { Card, PageHeader } from '../../../ui/Page';
import { NotFoundPage } from '../../routes/NotFoundPage';
import { useUser } from '../../session';
import { type Block, type Inline, parseMarkdown } from './markdown';

// The guide's pages and the journeys' screenshots, taken from the repository at build time (decision 033): the
// pages stay in docs/guide where they are reviewed, and a screenshot a journey retakes is the one shown.
const PAGES = import.meta.glob('../../../../../docs/guide/*.md', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;
const SHOTS = import.meta.glob('../../../../../docs/screenshots/*.png', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;

const fileName = (path: string) => path.slice(path.lastIndexOf('/') + 1);
const SOURCES = Object.fromEntries(Object.entries(PAGES).map(([path, text]) => [fileName(path), text]));
const IMAGES = Object.fromEntries(Object.entries(SHOTS).map(([path, url]) => [fileName(path), url]));

/** A guide link to another page of the guide becomes an app link; anything else opens as written. */
function guideHref(href: string): string {
  if (href === 'README.md') return '/guide';
  const page = /^([a-z_]+)\.md$/.exec(href);
  return page ? `/guide/${page[1]}` : href;
}

function Inlines({ parts }: { parts: Inline[] }) {
  return (
    <>
      {parts.map((part, i) => {
        const key = `${i}:${part.text}`;
        if (part.kind === 'bold') return <strong key={key}>{part.text}</strong>;
        if (part.kind === 'link') {
          const href = guideHref(part.href);
          return href.startsWith('/') ? (
            <Link key={key} href={href} className="font-medium text-brand-800 underline underline-offset-2">
              {part.text}
            </Link>
          ) : (
            <a key={key} href={href} className="font-medium text-brand-800 underline underline-offset-2">
              {part.text}
            </a>
          );
        }
        return <span key={key}>{part.text}</span>;
      })}
    </>
  );
}

function GuideBlock({ block }: { block: Block }) {
  const { t } = useTranslation();
  switch (block.kind) {
    case 'heading':
      // The page's own title is the page header; headings inside the page start at h2.
      return block.level <= 2 ? (
        <h2 className="mt-6 mb-2 text-lg font-bold text-slate-900">{block.text}</h2>
      ) : (
        <h3 className="mt-4 mb-2 font-bold text-slate-900">{block.text}</h3>
      );
    case 'paragraph':
      return (
        <p className="my-2 leading-8 text-slate-800">
          <Inlines parts={block.inline} />
        </p>
      );
    case 'list': {
      const Tag = block.ordered ? 'ol' : 'ul';
      return (
        <Tag className={`my-2 flex flex-col gap-2 ps-6 leading-8 ${block.ordered ? 'list-decimal' : 'list-disc'}`}>
          {block.items.map((item, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a guide list is fixed text; its order is its identity
            <li key={i} className="text-slate-800">
              <Inlines parts={item} />
            </li>
          ))}
        </Tag>
      );
    }
    case 'image': {
      const src = IMAGES[fileName(block.src)];
      return (
        <figure className="my-4">
          {src ? (
            <img
              src={src}
              alt={block.alt}
              loading="lazy"
              className="max-h-[36rem] w-auto max-w-full rounded-md border border-slate-200 object-contain object-top"
            />
          ) : (
            <p className="rounded-md border border-dashed border-slate-300 p-3 text-sm text-slate-600">
              {t('guide.noScreenshot')}
            </p>
          )}
          <figcaption className="mt-1 text-sm text-slate-600">{block.alt}</figcaption>
        </figure>
      );
    }
  }
}

/** One page of the staff guide (docs/guide/<role>.md), or the guide's contents with the user's own page first. */
export default function GuidePage() {
  const { t } = useTranslation();
  const user = useUser();
  const { page } = useParams<{ page?: string }>();
  const source = SOURCES[page ? `${page}.md` : 'README.md'];
  const blocks = useMemo(() => (source ? parseMarkdown(source) : []), [source]);
  if (!source || (page && !/^[a-z_]+$/.test(page))) return <NotFoundPage />;
  const [title, ...rest] = blocks;
  const heading = title?.kind === 'heading' ? title.text : t('guide.title');
  return (
    <div className="max-w-3xl">
      <nav aria-label={t('guide.title')} className="mb-3 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <Link href="/guide" className="text-brand-800 underline underline-offset-2">
          {t('guide.contents')}
        </Link>
        {page !== user.role ? (
          <Link href={`/guide/${user.role}`} className="text-brand-800 underline underline-offset-2">
            {t('guide.mine')}
          </Link>
        ) : null}
      </nav>
      <PageHeader title={heading} />
      <Card>
        {rest.map((block, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the page's blocks are fixed text in fixed order
          <GuideBlock key={i} block={block} />
        ))}
      </Card>
    </div>
  );
}
