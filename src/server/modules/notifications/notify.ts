import { formatDual, formatWindow } from '../../../common/dates';
import type { Db } from '../../db/client';
import { enqueueNotification } from './outbox';

const AR = { locale: 'ar', digits: 'arab' } as const;
const DECISION_AR = { accepted: 'القبول', rejected: 'عدم القبول', deferred: 'التأجيل إلى الاجتماع القادم' } as const;

/** The events that reach beneficiaries by SMS, each with its own outbox key so it is sent once. */
export const notify = {
  applicationRaised: (
    db: Db,
    p: { orgId: string; mobile: string; applicationId: string; reference: string; expectedDate: string },
  ) =>
    enqueueNotification(db, {
      orgId: p.orgId,
      channel: 'sms',
      recipient: p.mobile,
      templateKey: 'application_raised',
      variables: { reference: p.reference, expectedDate: formatDual(p.expectedDate, AR) },
      idempotencyKey: `raised:${p.applicationId}:${p.expectedDate}`,
      entityType: 'application',
      entityId: p.applicationId,
    }),
  itemsMissing: (
    db: Db,
    p: {
      orgId: string;
      mobile: string;
      applicationId: string;
      reference: string;
      items: string[];
      transitionKey: string;
    },
  ) =>
    enqueueNotification(db, {
      orgId: p.orgId,
      channel: 'sms',
      recipient: p.mobile,
      templateKey: 'items_missing',
      variables: { reference: p.reference, items: p.items.join('، ') },
      idempotencyKey: `missing:${p.applicationId}:${p.transitionKey}`,
      entityType: 'application',
      entityId: p.applicationId,
    }),
  decision: (
    db: Db,
    p: {
      orgId: string;
      mobile: string;
      applicationId: string;
      reference: string;
      decision: keyof typeof DECISION_AR;
      agendaItemId: string;
    },
  ) =>
    enqueueNotification(db, {
      orgId: p.orgId,
      channel: 'sms',
      recipient: p.mobile,
      templateKey: 'decision',
      variables: { reference: p.reference, decision: DECISION_AR[p.decision] },
      idempotencyKey: `decision:${p.agendaItemId}`,
      entityType: 'application',
      entityId: p.applicationId,
    }),
  deliveryScheduled: (
    db: Db,
    p: {
      orgId: string;
      mobile: string;
      deliveryId: string;
      service: string;
      date: string;
      window?: { from: string; to: string } | null;
    },
  ) =>
    enqueueNotification(db, {
      orgId: p.orgId,
      channel: 'sms',
      recipient: p.mobile,
      templateKey: 'delivery_scheduled',
      // The agreed window travels with the date, so templates an association already edited still carry it.
      variables: {
        service: p.service,
        date: p.window ? `${formatDual(p.date, AR)}، ${formatWindow(p.window, AR)}` : formatDual(p.date, AR),
      },
      idempotencyKey: `delivery:${p.deliveryId}`,
      entityType: 'delivery',
      entityId: p.deliveryId,
    }),
};
