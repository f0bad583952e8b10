import { useTranslation } from 'react-i18next';
import { useBranchName } from '../../queries';
import { useServices } from '../applications/queries';

type Words = Record<string, string>;

/**
 * The words for the codes the reports carry (stages, channels, kinds, water sources, directions), plus service and
 * branch names. A code this build does not know is shown as it is. `order` lists a group's codes in the order the
 * Arabic file gives them (the policy's order), so charts read in that order.
 */
export function useReportLabels() {
  const { t, i18n } = useTranslation();
  const services = useServices();
  const branchName = useBranchName();
  const group = (key: 'enums.stage' | 'enums.channel' | 'enums.waterSource' | 'cases.kinds') =>
    t(key, { returnObjects: true }) as unknown as Words;
  const stages = group('enums.stage');
  const channels = group('enums.channel');
  const sources = group('enums.waterSource');
  const kinds = group('cases.kinds');
  const directions = t('interactions.directions', { returnObjects: true }) as unknown as Words;
  const english = i18n.language === 'en';
  return {
    stage: (code: string) => stages[code] ?? code,
    channel: (code: string) => channels[code] ?? code,
    waterSource: (code: string) => sources[code] ?? code,
    kind: (code: string) => kinds[code] ?? code,
    direction: (code: string) => directions[code] ?? code,
    service: (id: string | null) => {
      if (!id) return t('reports.satisfaction.noService');
      const service = services.data?.find((s) => s.id === id);
      return (service ? (english ? service.nameEn : service.nameAr) || service.nameAr : null) ?? id;
    },
    branch: (id: string | null) => branchName(id) ?? t('reports.satisfaction.noBranch'),
    order: {
      stages: Object.keys(stages),
      channels: Object.keys(channels),
      kinds: Object.keys(kinds),
      sources: Object.keys(sources),
    },
  };
}

export type ReportLabels = ReturnType<typeof useReportLabels>;

/** Sorts codes by a known order; unknown codes go last, in their own order. */
export function byOrder<T>(items: readonly T[], code: (item: T) => string, order: readonly string[]): T[] {
  const rank = (item: T) => {
    const index = order.indexOf(code(item));
    return index === -1 ? order.length : index;
  };
  return [...items].sort((a, b) => rank(a) - rank(b));
}
