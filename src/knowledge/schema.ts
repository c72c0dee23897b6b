/**
 * The one schema of the knowledge base. Every YAML file is checked against it at load time;
 * cross-file rules (task ids, variants, alias collisions) live in validate.ts.
 */
import { z } from 'zod';

export const OWNERS = ['aws', 'customer', 'shared'] as const;
export const ownerSchema = z.enum(OWNERS);
export type Owner = z.infer<typeof ownerSchema>;

export const CATEGORIES = ['infrastructure', 'container', 'abstracted', 'saas'] as const;
export const categorySchema = z.enum(CATEGORIES);
export type Category = z.infer<typeof categorySchema>;

export const CONTROL_CLASSES = ['inherited', 'shared', 'customer-specific'] as const;

const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters, digits and single dashes');
const text = z.string().trim().min(1, 'must not be empty').max(1000, 'must be at most 1,000 characters');
const shortText = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const phrase = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(80, 'must be at most 80 characters')
  .refine((s) => s === s.toLowerCase(), 'must be lower-case');
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'must be a real date');

/** Sources must be AWS's own documentation: that is what makes an answer trustworthy. */
export const awsUrl = z
  .string()
  .url('must be a URL')
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'https:' && (u.hostname === 'aws.amazon.com' || u.hostname === 'docs.aws.amazon.com');
    } catch {
      return false;
    }
  }, 'must be an https link on docs.aws.amazon.com or aws.amazon.com');

const sources = z.array(awsUrl).min(1, 'needs at least one AWS documentation link');

// ------------------------------------------------------------------ model.yaml
const layer = z.strictObject({ id, name: shortText, description: text });

export const modelSchema = z.strictObject({
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a version like 1.2.3'),
  released: isoDate,
  title: shortText,
  summary: text,
  sources,
  ofTheCloud: z.strictObject({ owner: z.literal('aws'), summary: text, items: z.array(layer).min(1) }),
  inTheCloud: z.strictObject({ owner: z.literal('customer'), summary: text, items: z.array(layer).min(1) }),
  controlClasses: z
    .array(
      z.strictObject({
        id: z.enum(CONTROL_CLASSES),
        name: shortText,
        owner: ownerSchema,
        description: text,
        examples: z.array(shortText).min(1),
      }),
    )
    .length(3, 'must list the three control classes'),
  categories: z
    .array(
      z.strictObject({
        id: categorySchema,
        name: shortText,
        deliveryModel: z.enum(['iaas', 'paas', 'saas']),
        description: text,
        examples: z.array(shortText).min(1),
      }),
    )
    .min(1),
  deliveryModels: z
    .array(z.strictObject({ id: z.enum(['iaas', 'paas', 'saas']), name: shortText, description: text, examples: z.array(shortText).min(1) }))
    .length(3, 'must list IaaS, PaaS and SaaS'),
  changelog: z
    .array(z.strictObject({ version: z.string(), date: isoDate, summary: text }))
    .min(1, 'needs at least one entry'),
});
export type Model = z.infer<typeof modelSchema>;

// ------------------------------------------------------------------ tasks.yaml
const generalAnswer = z.union([
  z.literal('service'),
  z.strictObject({ owner: ownerSchema, condition: text.optional(), sources }),
]);

export const taskSchema = z.strictObject({
  id,
  name: shortText,
  group: id,
  parent: id.optional(),
  controlClass: z.enum(CONTROL_CLASSES),
  synonyms: z.array(phrase).min(1, 'needs at least one synonym'),
  defaults: z.strictObject({
    infrastructure: ownerSchema,
    container: ownerSchema,
    abstracted: ownerSchema,
    saas: ownerSchema,
  }),
  aws: text,
  customer: text,
  general: generalAnswer,
});
export type Task = z.infer<typeof taskSchema>;

export const tasksFileSchema = z.strictObject({
  concepts: z.record(id, z.array(phrase).min(1)),
  tasks: z.array(taskSchema).min(1),
});
export type TasksFile = z.infer<typeof tasksFileSchema>;

// ------------------------------------------------------------------ aws/<service>.yaml
const part = z.strictObject({ owner: ownerSchema, aws: text, customer: text, condition: text.optional() });
export type VariantPart = z.infer<typeof part>;

/**
 * One side's own piece of an entry: within RDS's shared configuration entry, "parameter
 * groups" are the customer's. A question naming the piece gets that side.
 */
export const aspectSchema = z.strictObject({
  owner: z.enum(['aws', 'customer']),
  about: z.array(phrase).min(1, 'needs at least one phrase'),
  /** The variants it holds for, when not all: it never applies to a question naming another. */
  variants: z.array(id).min(1).optional(),
});
export type Aspect = z.infer<typeof aspectSchema>;

export const responsibilitySchema = z.strictObject({
  task: id,
  owner: ownerSchema,
  aws: text,
  customer: text,
  condition: text.optional(),
  byVariant: z.record(id, part).optional(),
  aspects: z.array(aspectSchema).optional(),
  sources,
  reviewed: isoDate,
});
export type Responsibility = z.infer<typeof responsibilitySchema>;

export const variantSchema = z.strictObject({
  id,
  name: shortText,
  aliases: z.array(phrase).min(1),
});
export type Variant = z.infer<typeof variantSchema>;

export const serviceSchema = z.strictObject({
  id,
  name: shortText,
  shortName: shortText,
  aliases: z.array(phrase).min(1, 'needs at least one alias'),
  category: categorySchema,
  summary: text,
  docs: awsUrl,
  variants: z.array(variantSchema).optional(),
  /**
   * A service other services are built with (IAM, KMS, VPC): when a question names it next to
   * another service, the other service is the subject ("IAM roles for Lambda").
   */
  crossCutting: z.boolean().optional(),
  /**
   * Parts of the service that stand for it when a question names no service at all ("our NAT
   * gateways" -> VPC, "the bucket" -> S3). Never another service's name: only used when none is named.
   */
  impliedBy: z.array(phrase).optional(),
  /** The variant most people run; questions that name no variant are answered for it. */
  defaultVariant: id.optional(),
  responsibilities: z.array(responsibilitySchema).min(1, 'needs at least one responsibility'),
});
export type Service = z.infer<typeof serviceSchema>;
