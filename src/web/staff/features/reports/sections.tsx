import { useTranslation } from 'react-i18next';
import { useDisplay } from '../../../lib/display';
import { Badge } from '../../../ui/Badge';
import { BarsChart, COLORS, type Datum, TrendChart } from './charts';
import { byOrder, type ReportLabels } from './labels';
import { ChartCard, DataTable, ReportSection, Tile, Tiles, useReportFormat } from './parts';
import { gregorianMonth, monthName } from './period';
import type { Kpis, Period, Satisfaction, SatisfactionGroup } from './types';

const AGE_KEYS = ['under7', 'd7to14', 'd14to30', 'over30'] as const;

/** Policy steps 1–6: applications received and where they stand, and the committee's decisions against its target. */
export function ApplicationsSection({
  kpis,
  labels,
  targetDays,
}: {
  kpis: Kpis;
  labels: ReportLabels;
  targetDays: number | undefined;
}) {
  const { t } = useTranslation();
  const fmt = useReportFormat();
  const d = kpis.decisions;
  const stages = byOrder(kpis.applicationsByStage, (s) => s.stage, labels.order.stages);
  const data: Datum[] = stages.map((s) => ({ label: labels.stage(s.stage), ...s.ageDays }));
  const ageName = (key: (typeof AGE_KEYS)[number]) => t(`reports.applications.ages.${key}`);
  const onTarget = d.averageDays !== null && targetDays !== undefined ? d.averageDays <= targetDays : null;
  return (
    <ReportSection id="section-applications" title={t('reports.sections.applications')}>
      <Tiles>
        <Tile kpi="decisions.received" label={t('reports.applications.received')} value={fmt.count(d.received)} />
        <Tile kpi="decisions.decided" label={t('reports.applications.decided')} value={fmt.count(d.decided)} />
        <Tile
          kpi="decisions.averageDays"
          label={t('reports.applications.averageDays')}
          value={fmt.decimal(d.averageDays)}
          badge={
            onTarget === null ? null : (
              <Badge tone={onTarget ? 'success' : 'warning'}>
                {onTarget ? t('reports.applications.onTarget') : t('reports.applications.overTarget')}
              </Badge>
            )
          }
          hint={
            targetDays === undefined
              ? undefined
              : t('reports.applications.target', { count: targetDays, formatted: fmt.count(targetDays) })
          }
        />
        <Tile
          kpi="decisions.withinTargetShare"
          label={t('reports.applications.withinTarget')}
          value={fmt.share(d.withinTargetShare)}
          hint={t('reports.applications.withinTargetOf', {
            within: fmt.count(d.withinTarget),
            decided: fmt.count(d.decided),
          })}
        />
      </Tiles>
      <ChartCard
        title={t('reports.applications.byStage')}
        unit={t('reports.units.applications')}
        note={t('reports.snapshot')}
        isEmpty={stages.length === 0}
        chart={
          <BarsChart
            data={data}
            stacked
            formatValue={fmt.count}
            series={AGE_KEYS.map((key, i) => ({ key, name: ageName(key), color: COLORS.ages[i] ?? COLORS.primary }))}
          />
        }
        table={
          <DataTable
            caption={t('reports.applications.byStage')}
            columns={[
              { key: 'stage', label: t('reports.table.stage') },
              { key: 'total', label: t('reports.table.total'), numeric: true },
              ...AGE_KEYS.map((key) => ({ key, label: ageName(key), numeric: true })),
            ]}
            rows={stages.map((s) => ({
              key: s.stage,
              cells: {
                stage: labels.stage(s.stage),
                total: fmt.count(s.total),
                ...Object.fromEntries(AGE_KEYS.map((key) => [key, fmt.count(s.ageDays[key])])),
              },
            }))}
          />
        }
      />
    </ReportSection>
  );
}

/** Sums counts by one of their codes, in a known order. */
function countBy<T>(items: readonly T[], code: (item: T) => string, count: (item: T) => number, order: string[]) {
  const totals = new Map<string, number>();
  for (const item of items) totals.set(code(item), (totals.get(code(item)) ?? 0) + count(item));
  return byOrder([...totals], ([key]) => key, order).map(([key, value]) => ({ key, value }));
}

/** Inquiries, complaints, suggestions: how many, on which channel, and whether they were answered in time. */
export function CasesSection({ kpis, labels }: { kpis: Kpis; labels: ReportLabels }) {
  const { t } = useTranslation();
  const fmt = useReportFormat();
  const c = kpis.cases;
  const kinds = countBy(
    c.byKindChannel,
    (r) => r.kind,
    (r) => r.count,
    labels.order.kinds,
  );
  const channels = countBy(
    c.byKindChannel,
    (r) => r.channel,
    (r) => r.count,
    labels.order.channels,
  );
  const hours = (value: number | null) => t('reports.cases.averageHours', { value: fmt.decimal(value) });
  const table = (
    caption: string,
    first: string,
    rows: { key: string; value: number }[],
    name: (k: string) => string,
  ) => (
    <DataTable
      caption={caption}
      columns={[
        { key: 'item', label: first },
        { key: 'count', label: t('reports.table.count'), numeric: true },
      ]}
      rows={rows.map((r) => ({ key: r.key, cells: { item: name(r.key), count: fmt.count(r.value) } }))}
    />
  );
  return (
    <ReportSection id="section-cases" title={t('reports.sections.cases')}>
      <Tiles>
        <Tile kpi="cases.total" label={t('reports.cases.total')} value={fmt.count(c.total)} />
        <Tile kpi="cases.resolved" label={t('reports.cases.resolved')} value={fmt.count(c.resolution.resolved)} />
        <Tile
          kpi="cases.firstResponseMet"
          label={t('reports.cases.firstResponseMet')}
          value={fmt.share(c.firstResponse.metShare)}
          hint={
            <>
              {t('reports.cases.responded', { value: fmt.count(c.firstResponse.responded) })}
              <br />
              {hours(c.firstResponse.averageHours)}
            </>
          }
        />
        <Tile
          kpi="cases.resolutionMet"
          label={t('reports.cases.resolutionMet')}
          value={fmt.share(c.resolution.metShare)}
          hint={hours(c.resolution.averageHours)}
        />
      </Tiles>
      <div className="grid items-start gap-4 lg:grid-cols-2">
        <ChartCard
          title={t('reports.cases.byKind')}
          unit={t('reports.units.cases')}
          isEmpty={kinds.length === 0}
          chart={
            <BarsChart
              data={kinds.map((k) => ({ label: labels.kind(k.key), value: k.value }))}
              series={[{ key: 'value', name: t('reports.units.cases'), color: COLORS.primary }]}
              formatValue={fmt.count}
            />
          }
          table={table(t('reports.cases.byKind'), t('reports.table.kind'), kinds, labels.kind)}
        />
        <ChartCard
          title={t('reports.cases.byChannel')}
          unit={t('reports.units.cases')}
          isEmpty={channels.length === 0}
          chart={
            <BarsChart
              layout="rows"
              data={channels.map((k) => ({ label: labels.channel(k.key), value: k.value }))}
              series={[{ key: 'value', name: t('reports.units.cases'), color: COLORS.primary }]}
              formatValue={fmt.count}
            />
          }
          table={table(t('reports.cases.byChannel'), t('reports.table.channel'), channels, labels.channel)}
        />
      </div>
    </ReportSection>
  );
}

/** Policy step 7: services delivered at the beneficiary's place, and visits that failed. */
export function DeliveriesSection({ kpis }: { kpis: Kpis }) {
  const { t } = useTranslation();
  const fmt = useReportFormat();
  const { delivered, failed } = kpis.deliveries;
  const done = delivered + failed;
  return (
    <ReportSection id="section-deliveries" title={t('reports.sections.deliveries')}>
      <Tiles>
        <Tile kpi="deliveries.delivered" label={t('reports.deliveries.delivered')} value={fmt.count(delivered)} />
        <Tile kpi="deliveries.failed" label={t('reports.deliveries.failed')} value={fmt.count(failed)} />
        <Tile
          kpi="deliveries.share"
          label={t('reports.deliveries.share')}
          value={fmt.share(done === 0 ? null : delivered / done)}
        />
      </Tiles>
    </ReportSection>
  );
}

/**
 * قياس رضا المستفيد — shown to the manager and the admin. By month, service, channel and branch only: a rating is
 * the beneficiary's right and a tool to improve, never to punish, so no named staff appear here.
 */
export function SatisfactionSection({
  data,
  labels,
  period,
}: {
  data: Satisfaction;
  labels: ReportLabels;
  period: Period;
}) {
  const { t } = useTranslation();
  const display = useDisplay();
  const fmt = useReportFormat();
  const monthLabel = (key: string | null) => {
    const period = key ? gregorianMonth(key) : null;
    return period ? monthName('gregorian', period.from, display) : (key ?? fmt.none);
  };
  const groups: {
    id: string;
    title: string;
    first: string;
    rows: SatisfactionGroup[];
    name: (k: string | null) => string;
  }[] = [
    {
      id: 'service',
      title: t('reports.satisfaction.byService'),
      first: t('reports.table.service'),
      rows: data.byService,
      name: labels.service,
    },
    {
      id: 'channel',
      title: t('reports.satisfaction.byChannel'),
      first: t('reports.table.channel'),
      rows: byOrder(data.byChannel, (g) => g.key ?? '', labels.order.channels),
      name: (k) => (k ? labels.channel(k) : fmt.none),
    },
    {
      id: 'branch',
      title: t('reports.satisfaction.byBranch'),
      first: t('reports.table.branch'),
      rows: data.byBranch,
      name: labels.branch,
    },
  ];
  const ratingColumns = (first: string) => [
    { key: 'item', label: first },
    { key: 'average', label: t('reports.table.average'), numeric: true },
    { key: 'responses', label: t('reports.table.responses'), numeric: true },
  ];
  const ratingRows = (rows: SatisfactionGroup[], name: (k: string | null) => string) =>
    rows.map((r) => ({
      key: r.key ?? 'none',
      cells: { item: name(r.key), average: fmt.rating(r.average), responses: fmt.count(r.responses) },
    }));
  // Answers keep only their month (privacy), so a period that is not whole Gregorian months counts whole months.
  const firstMonth = gregorianMonth(period.from.slice(0, 7));
  const lastMonth = gregorianMonth(period.to.slice(0, 7));
  const wholeMonths = firstMonth?.from === period.from && lastMonth?.to === period.to;
  const averageSeries = [{ key: 'average', name: t('reports.table.average'), color: COLORS.primary }];

  return (
    <ReportSection
      id="section-satisfaction"
      title={t('reports.sections.satisfaction')}
      note={
        <>
          <p>{t('reports.satisfaction.policy')}</p>
          {wholeMonths || !firstMonth || !lastMonth ? null : (
            <p className="mt-1 text-amber-900">
              {t('reports.satisfaction.monthsNote', {
                from: monthName('gregorian', firstMonth.from, display),
                to: monthName('gregorian', lastMonth.from, display),
              })}
            </p>
          )}
        </>
      }
    >
      <Tiles>
        <Tile
          kpi="satisfaction.average"
          label={t('reports.satisfaction.average')}
          value={data.average === null ? fmt.none : t('reports.outOf5', { value: fmt.rating(data.average) })}
        />
        <Tile
          kpi="satisfaction.responseRate"
          label={t('reports.satisfaction.responseRate')}
          value={fmt.share(data.responseRate)}
        />
        <Tile
          kpi="satisfaction.responses"
          label={t('reports.satisfaction.responses')}
          value={fmt.count(data.responses)}
        />
        <Tile
          kpi="satisfaction.invitations"
          label={t('reports.satisfaction.invitations')}
          value={fmt.count(data.invitationsSent)}
        />
      </Tiles>
      <ChartCard
        title={t('reports.satisfaction.trend')}
        unit={t('reports.units.rating')}
        isEmpty={data.byMonth.length === 0}
        chart={
          <TrendChart
            data={data.byMonth.map((m) => ({ label: monthLabel(m.key), average: m.average }))}
            series={averageSeries}
            formatValue={(n) => fmt.rating(n)}
            domain={[0, 5]}
          />
        }
        table={
          <DataTable
            caption={t('reports.satisfaction.trend')}
            columns={ratingColumns(t('reports.table.month'))}
            rows={ratingRows(data.byMonth, monthLabel)}
          />
        }
      />
      <div className="grid items-start gap-4 md:grid-cols-2 xl:grid-cols-3">
        {groups.map((g) => (
          <ChartCard
            key={g.id}
            title={g.title}
            unit={t('reports.units.rating')}
            isEmpty={g.rows.length === 0}
            chart={
              <BarsChart
                layout="rows"
                data={g.rows.map((r) => ({ label: g.name(r.key), average: r.average }))}
                series={averageSeries}
                formatValue={(n) => fmt.rating(n)}
                domain={[0, 5]}
              />
            }
            table={<DataTable caption={g.title} columns={ratingColumns(g.first)} rows={ratingRows(g.rows, g.name)} />}
          />
        ))}
      </div>
    </ReportSection>
  );
}

/** Active beneficiaries now, by district or village and by their water source. */
export function BeneficiariesSection({ kpis, labels }: { kpis: Kpis; labels: ReportLabels }) {
  const { t } = useTranslation();
  const fmt = useReportFormat();
  const { byDistrict, byWaterSource } = kpis.activeBeneficiaries;
  const sources = byOrder(byWaterSource, (s) => s.source, labels.order.sources);
  const total = byDistrict.reduce((sum, d) => sum + d.count, 0);
  const series = [{ key: 'value', name: t('reports.units.beneficiaries'), color: COLORS.primary }];
  const columns = (first: string) => [
    { key: 'item', label: first },
    { key: 'count', label: t('reports.table.count'), numeric: true },
  ];
  return (
    <ReportSection
      id="section-beneficiaries"
      title={t('reports.sections.beneficiaries')}
      note={t('reports.beneficiaries.total', { value: fmt.count(total) })}
    >
      <div className="grid items-start gap-4 lg:grid-cols-2">
        <ChartCard
          title={t('reports.beneficiaries.byDistrict')}
          unit={t('reports.units.beneficiaries')}
          note={t('reports.snapshot')}
          isEmpty={byDistrict.length === 0}
          chart={
            <BarsChart
              layout="rows"
              data={byDistrict.slice(0, 12).map((d) => ({ label: d.district, value: d.count }))}
              series={series}
              formatValue={fmt.count}
            />
          }
          table={
            <DataTable
              caption={t('reports.beneficiaries.byDistrict')}
              columns={columns(t('reports.table.district'))}
              rows={byDistrict.map((d) => ({
                key: d.district,
                cells: { item: d.district, count: fmt.count(d.count) },
              }))}
            />
          }
        />
        <ChartCard
          title={t('reports.beneficiaries.bySource')}
          unit={t('reports.units.beneficiaries')}
          note={t('reports.snapshot')}
          isEmpty={sources.length === 0}
          chart={
            <BarsChart
              data={sources.map((s) => ({ label: labels.waterSource(s.source), value: s.count }))}
              series={series}
              formatValue={fmt.count}
            />
          }
          table={
            <DataTable
              caption={t('reports.beneficiaries.bySource')}
              columns={columns(t('reports.table.source'))}
              rows={sources.map((s) => ({
                key: s.source,
                cells: { item: labels.waterSource(s.source), count: fmt.count(s.count) },
              }))}
            />
          }
        />
      </div>
    </ReportSection>
  );
}

/** Contacts recorded on each of the policy's eight channels, received and made. */
export function ContactsSection({ kpis, labels }: { kpis: Kpis; labels: ReportLabels }) {
  const { t } = useTranslation();
  const fmt = useReportFormat();
  const channels = countBy(
    kpis.interactionsByChannel,
    (r) => r.channel,
    (r) => r.count,
    labels.order.channels,
  );
  const of = (channel: string, direction: string) =>
    kpis.interactionsByChannel.find((r) => r.channel === channel && r.direction === direction)?.count ?? 0;
  const directions = ['inbound', 'outbound'] as const;
  const title = t('reports.contacts.byChannel');
  return (
    <ReportSection id="section-contacts" title={t('reports.sections.contacts')}>
      <ChartCard
        title={title}
        unit={t('reports.units.contacts')}
        isEmpty={channels.length === 0}
        chart={
          <BarsChart
            layout="rows"
            stacked
            data={channels.map((c) => ({
              label: labels.channel(c.key),
              inbound: of(c.key, 'inbound'),
              outbound: of(c.key, 'outbound'),
            }))}
            series={directions.map((d, i) => ({
              key: d,
              name: labels.direction(d),
              color: COLORS.directions[i] ?? COLORS.primary,
            }))}
            formatValue={fmt.count}
          />
        }
        table={
          <DataTable
            caption={title}
            columns={[
              { key: 'item', label: t('reports.table.channel') },
              ...directions.map((d) => ({ key: d, label: labels.direction(d), numeric: true })),
              { key: 'total', label: t('reports.table.total'), numeric: true },
            ]}
            rows={channels.map((c) => ({
              key: c.key,
              cells: {
                item: labels.channel(c.key),
                inbound: fmt.count(of(c.key, 'inbound')),
                outbound: fmt.count(of(c.key, 'outbound')),
                total: fmt.count(c.value),
              },
            }))}
          />
        }
      />
    </ReportSection>
  );
}
