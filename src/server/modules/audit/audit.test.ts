import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { riyadhDate } from '../../../common/dates';
import { createTestContext, signedInAs, type TestClient, type TestContext } from '../../test/harness';

let ctx: TestContext;
let admin: TestClient;
let manager: TestClient;
let officer: TestClient;
beforeAll(async () => {
  ctx = await createTestContext();
  [admin, manager, officer] = await signedInAs(ctx.app, ['admin', 'manager', 'officer'] as const);
});
afterAll(async () => {
  await ctx.close();
});

const last = async (action: string) => (await admin.get(`/api/audit?action=${action}&limit=1`)).body.items[0];

describe('changes record old and new values', () => {
  it('settings: only the changed fields, before and after', async () => {
    const current = (await admin.get('/api/settings')).body;
    const res = await admin.patch('/api/settings', {
      committeeTargetDays: current.committeeTargetDays + 3,
      retentionMonths: current.retentionMonths,
    });
    expect(res.status).toBe(200);
    const row = await last('settings.updated');
    expect(row.details.before).toEqual({ committeeTargetDays: current.committeeTargetDays });
    expect(row.details.after).toEqual({ committeeTargetDays: current.committeeTargetDays + 3 });
  });

  it('templates: the text before (the default when never edited) and after', async () => {
    const body = 'مرحباً {{name}}، وصلنا طلبكم رقم {{reference}}.';
    const res = await admin.request('PUT', '/api/message-templates/application_received/sms', { subject: null, body });
    expect(res.status).toBe(204);
    const row = await last('template.updated');
    expect(row.details.before.body).toContain('استلمت جمعية ماء طلبكم');
    expect(row.details.after.body).toBe(body);
    const again = 'مرحباً {{name}}، طلبكم {{reference}} لدينا.';
    await admin.request('PUT', '/api/message-templates/application_received/sms', { subject: null, body: again });
    const second = await last('template.updated');
    // Only what changed, and the template's version number beside it.
    expect(second.details).toMatchObject({ before: { body }, after: { body: again } });
    expect(Object.keys(second.details.before)).toEqual(['body']);
  });

  it('users: the changed fields of the account, before and after', async () => {
    const users = (await admin.get('/api/users')).body.items as { id: string; username: string; displayName: string }[];
    const target = users.find((u) => u.username === 'officer')!;
    const res = await admin.patch(`/api/users/${target.id}`, { displayName: 'موظف العلاقات', totpRequired: false });
    expect(res.status).toBe(200);
    const row = await last('user.updated');
    expect(row.entityId).toBe(target.id);
    expect(row.details.before).toEqual({ displayName: target.displayName });
    expect(row.details.after).toEqual({ displayName: 'موظف العلاقات' });
  });
});

describe('audit search', () => {
  it('finds rows by person, record, action family and date; pages with a cursor', async () => {
    const byPerson = await manager.get('/api/audit?actor=adm');
    expect(byPerson.status).toBe(200);
    expect(byPerson.body.items.length).toBeGreaterThan(0);
    expect(byPerson.body.items.every((i: { actorUsername: string }) => i.actorUsername === 'admin')).toBe(true);
    expect(byPerson.body.items[0].actorName).toBeTruthy();

    const family = await admin.get('/api/audit?action=template.');
    expect(family.body.items.length).toBe(2);

    const record = await admin.get('/api/audit?entityType=template&entityId=application_received/sms');
    expect(record.body.items.length).toBe(2);

    const today = riyadhDate(new Date());
    expect((await admin.get(`/api/audit?from=${today}&to=${today}&action=template.`)).body.items.length).toBe(2);
    expect((await admin.get(`/api/audit?to=2020-01-01&action=template.`)).body.items.length).toBe(0);

    const page1 = await admin.get('/api/audit?limit=2');
    expect(page1.body.items).toHaveLength(2);
    const page2 = await admin.get(`/api/audit?limit=2&before=${page1.body.nextBefore}`);
    expect(page2.body.items[0].id).toBeLessThan(page1.body.items[1].id);
  });

  it('refuses bad filters with a 400 and other roles with a 403', async () => {
    for (const q of ['from=yesterday', 'action=DROP%20TABLE', 'limit=5000', 'actorUserId=x', 'unknown=1']) {
      const res = await admin.get(`/api/audit?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body.code).toBe('request.validation');
    }
    expect((await officer.get('/api/audit')).status).toBe(403);
  });
});
