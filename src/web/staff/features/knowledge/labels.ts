import { useTranslation } from 'react-i18next';
import type { BadgeTone } from '../../../ui/Badge';

/** The name of a document kind (اللائحة الأساسية، دليل السياسات والإجراءات، ردود جاهزة…). */
export function useKnowledgeKindLabel(): (kind: string) => string {
  const { t } = useTranslation();
  return (kind) => {
    const labels = t('knowledge.kinds', { returnObjects: true }) as unknown as Record<string, string>;
    return labels[kind] ?? kind;
  };
}

export const KIND_TONE: Record<string, BadgeTone> = {
  bylaws: 'info',
  services_regulation: 'info',
  policies_manual: 'info',
  selection_mechanism: 'info',
  faq: 'neutral',
  answer: 'success',
};

/**
 * The paragraphs of a text that mention every searched word (compared after normalising Arabic), else the first
 * paragraph: what a reply quotes from a long document.
 */
export function quotedParagraphs(body: string, words: string[], normalize: (s: string) => string, max = 1500) {
  const paragraphs = body
    .split(/\n\s*\n|\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const wanted = words.map(normalize).filter(Boolean);
  const matching = wanted.length
    ? paragraphs.filter((p) => {
        const text = normalize(p);
        return wanted.every((w) => text.includes(w));
      })
    : [];
  const chosen = (matching.length ? matching : paragraphs.slice(0, 1)).join('\n\n');
  return chosen.length > max ? `${chosen.slice(0, max).trimEnd()}…` : chosen;
}
