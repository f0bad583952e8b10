import { z } from 'zod';

/**
 * What the providers' webhooks may carry. A body that does not fit (a message without an id, a text body that is
 * not a string) is refused with 400 and kept as `rejected`; fields we do not use pass through untouched.
 */
const waMessage = z.looseObject({
  id: z.string().min(1).max(256),
  from: z.string().regex(/^\d{6,15}$/),
  timestamp: z.string().optional(),
  type: z.string().min(1).max(40),
  text: z.looseObject({ body: z.string().max(10_000) }).optional(),
  button: z.looseObject({ text: z.string().max(1000).optional(), payload: z.string().max(1000).optional() }).optional(),
  interactive: z
    .looseObject({
      type: z.string(),
      button_reply: z.looseObject({ id: z.string().max(256), title: z.string().max(100) }).optional(),
      list_reply: z.looseObject({ id: z.string().max(256), title: z.string().max(100) }).optional(),
    })
    .optional(),
});

const waStatus = z.looseObject({
  id: z.string().min(1).max(256),
  /** sent, delivered, read, failed (Meta may add others; those are ignored). */
  status: z.string().min(1).max(40),
  timestamp: z
    .string()
    .regex(/^\d{1,12}$/)
    .optional(),
  recipient_id: z.string().optional(),
  errors: z
    .array(z.looseObject({ code: z.number().optional(), title: z.string().optional(), message: z.string().optional() }))
    .optional(),
});

export const whatsappWebhookSchema = z.looseObject({
  object: z.string().optional(),
  entry: z
    .array(
      z.looseObject({
        id: z.string().optional(),
        changes: z
          .array(
            z.looseObject({
              field: z.string().optional(),
              value: z.looseObject({
                contacts: z
                  .array(z.looseObject({ profile: z.looseObject({ name: z.string().max(200).optional() }).optional() }))
                  .optional(),
                messages: z.array(waMessage).max(100).optional(),
                statuses: z.array(waStatus).max(100).optional(),
              }),
            }),
          )
          .max(100),
      }),
    )
    .max(100),
});
export type WhatsAppWebhook = z.infer<typeof whatsappWebhookSchema>;

/**
 * The SMS provider's callbacks (decision 019): delivery reports for the messages we sent (Unifonic's MessageID
 * and status words) and replies from people, in one signed JSON shape.
 */
export const smsWebhookSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('delivery'),
    messageId: z.string().min(1).max(256),
    /** Sent, Queued, Delivered, Failed, Rejected, Undeliverable, Expired (any case). */
    status: z.string().min(1).max(40),
    errorCode: z.string().max(40).optional(),
    reason: z.string().max(500).optional(),
    timestamp: z.iso.datetime({ offset: true }).optional(),
  }),
  z.strictObject({
    type: z.literal('inbound'),
    messageId: z.string().min(1).max(256),
    from: z.string().regex(/^\+?\d{6,15}$/),
    body: z.string().max(2000),
    timestamp: z.iso.datetime({ offset: true }).optional(),
  }),
]);
export type SmsWebhook = z.infer<typeof smsWebhookSchema>;
