import { z } from 'zod';
import { staffRefListSchema } from '../../../common/api/staff';
import { riyadhDate } from '../../../common/dates';
import {
  appealInput,
  attendanceInput,
  completionUpdateInput,
  decisionInput,
  registrationCorrectionInput,
  scheduleMeetingInput,
  voteInput,
} from '../../../common/domain/committee';
import { AppError } from '../../errors';
import type { App, Deps } from '../../http/context';
import { actorOf } from '../../http/guard';
import { errorResponses, idParams, noContentResponses } from '../../http/schemas';
import { requestMeta } from '../../http/session';
import { authorize } from '../../policy';
import { listApplicationServices, loadApplicationFor } from '../applications';
import { fullName } from '../beneficiaries';
import { correctionList, listCorrections } from '../deliveries';
import { getSettings } from '../settings';
import { listStaffByRole } from '../users';
import { fileAppeal } from './appeal';
import { enrolApplication, listCompletion, markCompletionStep } from './complete-registration';
import { correctRegistration } from './correct-registration';
import { castVote, closeMeeting, decideApplication, quorumNeeded } from './decide';
import { renderDecisionLetter, renderMinutes } from './print';
import { getMeeting, listAgenda, listAttendees, listMeetings, listOverdue, listVotes } from './queries';
import { recordAttendance, refreshAgenda, scheduleMeeting } from './schedule-meeting';

const tags = ['committee'];
const itemParams = z.strictObject({ id: z.uuid(), applicationId: z.uuid() });
const stepParams = z.strictObject({ id: z.uuid(), stepKey: z.string().regex(/^[a-z0-9_]{2,40}$/) });

const meetingSummary = z.object({
  id: z.uuid(),
  reference: z.string(),
  scheduledAt: z.string(),
  location: z.string(),
  chairUserId: z.uuid(),
  status: z.string(),
});

export function registerCommitteeRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/committee/meetings',
    {
      config: { access: 'committee.read' },
      schema: { tags, response: { 200: z.object({ items: z.array(meetingSummary) }), ...errorResponses } },
    },
    async (request) => ({
      items: (await listMeetings(deps.db, actorOf(request).orgId, 100)).map((m) => ({
        id: m.id,
        reference: m.reference,
        scheduledAt: m.scheduledAt.toISOString(),
        location: m.location,
        chairUserId: m.chairUserId,
        status: m.status,
      })),
    }),
  );

  app.post(
    '/api/committee/meetings',
    {
      config: { access: 'committee.schedule' },
      schema: {
        tags,
        body: scheduleMeetingInput,
        response: { 201: z.object({ id: z.uuid(), reference: z.string(), agendaSize: z.number() }), ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await scheduleMeeting(deps, actorOf(request), request.body, requestMeta(request))),
  );

  app.get(
    '/api/committee/meetings/:id',
    { config: { access: 'committee.read' }, schema: { tags, params: idParams } },
    async (request) => {
      const user = actorOf(request);
      const meeting = await getMeeting(deps.db, user.orgId, request.params.id);
      if (!meeting) throw new AppError('committee.meeting_not_found');
      const [attendees, agenda, votes, settings] = await Promise.all([
        listAttendees(deps.db, user.orgId, meeting.id),
        listAgenda(deps.db, user.orgId, meeting.id),
        listVotes(deps.db, user.orgId, meeting.id),
        getSettings(deps.db, user.orgId),
      ]);
      const agendaServices = await listApplicationServices(
        deps.db,
        user.orgId,
        agenda.map((a) => a.applicationId),
      );
      return {
        id: meeting.id,
        reference: meeting.reference,
        scheduledAt: meeting.scheduledAt.toISOString(),
        location: meeting.location,
        status: meeting.status,
        chairUserId: meeting.chairUserId,
        started: meeting.scheduledAt <= new Date(),
        openedAt: meeting.openedAt?.toISOString() ?? null,
        closedAt: meeting.closedAt?.toISOString() ?? null,
        quorum: {
          needed: quorumNeeded(settings.committeeQuorum, attendees.length),
          present: attendees.filter((a) => a.present).length,
        },
        attendees,
        agenda: agenda.map(({ firstName, fatherName, grandfatherName, familyName, ...item }) => ({
          ...item,
          beneficiaryName: fullName({ firstName, fatherName, grandfatherName, familyName }),
          raisedAt: item.raisedAt?.toISOString() ?? null,
          decidedAt: item.decidedAt?.toISOString() ?? null,
          votes: votes.filter((v) => v.agendaItemId === item.id).map(({ agendaItemId: _a, ...v }) => v),
          services: agendaServices
            .filter((sv) => sv.applicationId === item.applicationId)
            .map(({ applicationId: _a, ...sv }) => sv),
        })),
        rejectionReasons: settings.rejectionReasons,
      };
    },
  );

  app.get(
    '/api/committee/members',
    {
      config: { access: 'committee.read' },
      schema: { tags, response: { 200: staffRefListSchema, ...errorResponses } },
    },
    async (request) => ({
      items: await listStaffByRole(deps.db, actorOf(request).orgId, ['committee']),
    }),
  );

  app.post(
    '/api/committee/meetings/:id/agenda/refresh',
    {
      config: { access: 'committee.schedule' },
      schema: { tags, params: idParams, response: { 200: z.object({ added: z.number() }), ...errorResponses } },
    },
    async (request) => refreshAgenda(deps, actorOf(request), request.params.id, requestMeta(request)),
  );

  app.put(
    '/api/committee/meetings/:id/attendance',
    {
      config: { access: 'committee.decide' },
      schema: { tags, params: idParams, body: attendanceInput, response: noContentResponses },
    },
    async (request, reply) => {
      await recordAttendance(deps, actorOf(request), request.params.id, request.body.present, requestMeta(request));
      return reply.status(204).send();
    },
  );

  app.put(
    '/api/committee/meetings/:id/items/:applicationId/vote',
    {
      config: { access: 'committee.vote' },
      schema: { tags, params: itemParams, body: voteInput, response: noContentResponses },
    },
    async (request, reply) => {
      await castVote(
        deps,
        actorOf(request),
        request.params.id,
        request.params.applicationId,
        request.body,
        requestMeta(request),
      );
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/committee/meetings/:id/items/:applicationId/decision',
    {
      config: { access: 'committee.decide' },
      schema: {
        tags,
        params: itemParams,
        body: decisionInput,
        response: {
          200: z.object({ decision: z.string(), stage: z.string(), letterReference: z.string().nullable() }),
          ...errorResponses,
        },
      },
    },
    async (request) =>
      decideApplication(
        deps,
        actorOf(request),
        request.params.id,
        request.params.applicationId,
        request.body,
        requestMeta(request),
      ),
  );

  app.post(
    '/api/committee/meetings/:id/close',
    { config: { access: 'committee.decide' }, schema: { tags, params: idParams, response: noContentResponses } },
    async (request, reply) => {
      await closeMeeting(deps, actorOf(request), request.params.id, requestMeta(request));
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/committee/meetings/:id/minutes',
    { config: { access: 'committee.read' }, schema: { tags, params: idParams } },
    async (request, reply) =>
      reply.type('text/html; charset=utf-8').send(await renderMinutes(deps, actorOf(request), request.params.id)),
  );

  app.get('/api/committee/overdue', { config: { access: 'committee.read' }, schema: { tags } }, async (request) => {
    const rows = await listOverdue(deps.db, actorOf(request).orgId, riyadhDate(new Date()));
    return {
      items: rows.map(({ firstName, fatherName, grandfatherName, familyName, ...r }) => ({
        ...r,
        beneficiaryName: fullName({ firstName, fatherName, grandfatherName, familyName }),
        raisedAt: r.raisedAt?.toISOString() ?? null,
      })),
    };
  });

  app.get(
    '/api/applications/:id/letter',
    { config: { access: 'applications.read' }, schema: { tags, params: idParams } },
    async (request, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send(await renderDecisionLetter(deps, actorOf(request), request.params.id)),
  );

  app.post(
    '/api/applications/:id/appeal',
    {
      config: { access: 'applications.appeal' },
      schema: { tags, params: idParams, body: appealInput, response: noContentResponses },
    },
    async (request, reply) => {
      await fileAppeal(deps, actorOf(request), request.params.id, request.body, requestMeta(request));
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/applications/:id/completion',
    { config: { access: 'applications.read' }, schema: { tags, params: idParams } },
    async (request) => {
      const user = actorOf(request);
      await loadApplicationFor(deps, user, request.params.id);
      const steps = await listCompletion(deps, user.orgId, request.params.id);
      return { items: steps.map((s) => ({ ...s, doneAt: s.doneAt?.toISOString() ?? null })) };
    },
  );

  app.put(
    '/api/applications/:id/completion/:stepKey',
    {
      config: { access: 'applications.complete' },
      schema: { tags, params: stepParams, body: completionUpdateInput, response: noContentResponses },
    },
    async (request, reply) => {
      await markCompletionStep(
        deps,
        actorOf(request),
        request.params.id,
        request.params.stepKey,
        request.body.done,
        requestMeta(request),
      );
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/applications/:id/enrol',
    {
      config: { access: 'applications.complete' },
      schema: {
        tags,
        params: idParams,
        response: {
          200: z.object({ stage: z.literal('enrolled'), deliveryIds: z.array(z.uuid()) }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      authorize(actorOf(request), 'applications.complete');
      return enrolApplication(deps, actorOf(request), request.params.id, requestMeta(request));
    },
  );

  app.post(
    '/api/applications/:id/completion/corrections',
    {
      config: { access: 'applications.correct_completion' },
      schema: {
        tags,
        params: idParams,
        body: registrationCorrectionInput,
        response: {
          201: z.object({
            id: z.uuid(),
            before: z.record(z.string(), z.unknown()),
            after: z.record(z.string(), z.unknown()),
          }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await correctRegistration(deps, actorOf(request), request.params.id, request.body, requestMeta(request))),
  );

  /** The recorded corrections of the application: its registration and its deliveries. */
  app.get(
    '/api/applications/:id/corrections',
    {
      config: { access: 'applications.read' },
      schema: { tags, params: idParams, response: { 200: correctionList, ...errorResponses } },
    },
    async (request) => {
      const user = actorOf(request);
      const found = await loadApplicationFor(deps, user, request.params.id);
      return { items: await listCorrections(deps.db, user.orgId, { applicationId: found.id }) };
    },
  );
}
