/**
 * What the mock gateway checks before it accepts a submission (SPEC §6 `POST {action}`). Each
 * check is a function of the parsed request; the gateway runs a list of them and answers 422
 * with every problem found, so a new rule (materials completeness, say) is one more function
 * in the list. Problem pointers point into the submission document: a field's value is at
 * `/data/<field pointer>`.
 */
import {
  compileSchema,
  createConditionTester,
  fieldValueCheck,
  licenceValid,
  planMatter,
  verifySubmission,
  whenMatches,
  type FixtureSubject,
  type JsonSchema,
  type Catalogue,
  type JsonSchemaObject,
  type Matter,
  type Message,
  type Submission,
  type Subject,
} from '@matterform/core';

/** One file part of the multipart body, hashed once. */
export interface UploadedPart {
  /** The part's name: by SPEC §6, the sha256 the submission gives the file. */
  part: string;
  filename: string;
  type: string;
  size: number;
  sha256: string;
  bytes: Uint8Array;
}

export interface SubmissionContext {
  submission: Submission;
  /** Who is signed in: the gateway's subject, not the submission's claim. */
  subject: Subject;
  /** What the gateway knows of them: the licences they hold, the sources that have data. */
  holdings: FixtureSubject;
  /**
   * The locking values the gateway gave them for this matter, by concept (its audit of
   * values); the mock always passes it. Absent: signatures are checked, not what was served.
   */
  served?: Readonly<Record<string, unknown>>;
  /** The gateway's today, YYYY-MM-DD, for licence validity. */
  today: string;
  catalogue: Catalogue;
  /** The catalogue's matter of that id and version; undefined when there is none. */
  matter: Matter | undefined;
  files: ReadonlyMap<string, UploadedPart>;
  /** The gateway's signing keys, key id → secret. */
  keys: Readonly<Record<string, string>>;
  now: Date;
}

export interface SubmissionProblem {
  pointer: string;
  code: string;
  message: Message;
}

export type SubmissionCheck = (context: SubmissionContext) => SubmissionProblem[] | Promise<SubmissionProblem[]>;

function problem(pointer: string, code: string, zh: string, en: string): SubmissionProblem {
  return { pointer, code, message: { 'zh-CN': zh, en } };
}

export const knownMatter: SubmissionCheck = ({ submission, matter }) =>
  matter
    ? []
    : [
        problem(
          '/matter',
          'unknown-matter',
          `没有事项 ${submission.matter.id}@${submission.matter.version}`,
          `no matter ${submission.matter.id}@${submission.matter.version}`,
        ),
      ];

export const sameSubject: SubmissionCheck = ({ submission, subject }) => {
  const claimed = submission.subject;
  if (claimed.kind !== subject.kind || claimed.id !== subject.id) {
    return [
      problem('/subject', 'subject-mismatch', '申请人与登录用户不一致', 'the applicant is not the signed-in user'),
    ];
  }
  if (claimed.actor !== undefined && claimed.actor.id !== subject.actor?.id) {
    return [
      problem(
        '/subject/actor',
        'subject-mismatch',
        '经办人与登录用户不一致',
        'the acting person is not the signed-in one',
      ),
    ];
  }
  return [];
};

export const dataMatchesSchema: SubmissionCheck = ({ submission, matter }) => {
  if (!matter) return [];
  const result = compileSchema(matter.schema as JsonSchemaObject)(submission.data);
  return result.errors.map((e) => ({ pointer: `/data${e.pointer}`, code: 'schema', message: e.message }));
};

/**
 * Locked values must arrive exactly as the gateway signed them, before their signatures
 * expire; a value it served for a field that locks cannot come back unsigned and changed
 * (whatever the provenance claims), nor the subject's own identifier be someone else's.
 */
export const signaturesValid: SubmissionCheck = async ({ submission, matter, catalogue, served, keys, now }) => {
  if (!matter) return [];
  const checkValue = fieldValueCheck(matter.schema as JsonSchemaObject);
  const options = { keys, matter, catalogue, checkValue, now, requireSignatures: true };
  const result = await verifySubmission(submission, served ? { ...options, served } : options);
  return result.errors.map((e) => ({
    // A provenance key that is no pointer names no value; the entry itself is at fault.
    pointer: e.pointer === '' || e.pointer.startsWith('/') ? `/data${e.pointer}` : '/provenance',
    code: e.code,
    message: e.message,
  }));
};

/** Every file a material lists has its part, with those bytes; no part goes unlisted. */
export const filesMatch: SubmissionCheck = ({ submission, files }) => {
  const problems: SubmissionProblem[] = [];
  const listed = new Set<string>();
  submission.materials.forEach((material, i) => {
    (material.files ?? []).forEach((file, j) => {
      const at = `/materials/${i}/files/${j}`;
      listed.add(file.sha256);
      const part = files.get(file.sha256);
      if (!part) {
        problems.push(
          problem(at, 'file-missing', `缺少文件“${file.name}”的内容`, `the file "${file.name}" was not sent`),
        );
      } else if (part.sha256 !== file.sha256 || part.size !== file.size) {
        problems.push(
          problem(
            at,
            'file-mismatch',
            `文件“${file.name}”的内容与其摘要或大小不符`,
            `the bytes sent for "${file.name}" do not match its sha256 or size`,
          ),
        );
      }
    });
  });
  for (const name of files.keys()) {
    if (!listed.has(name)) {
      problems.push(
        problem(
          '/materials',
          'file-unexpected',
          `文件 ${name} 不属于任何材料`,
          `the file part ${name} belongs to no material`,
        ),
      );
    }
  }
  return problems;
};

/**
 * Every material that applies to the data (its `when`, SPEC §3.3) is accounted for: a
 * required one is not `missing` or `expired`, an `uploaded` one has files, and what is
 * claimed electronically holds — a licence the subject holds, of a listed type, valid today;
 * a listed source that has data for them. The form computes statuses; the gateway does not
 * take them on trust.
 */
export const materialsAccounted: SubmissionCheck = ({ submission, matter, catalogue, holdings, today }) => {
  if (!matter) return [];
  const plan = planMatter(matter, catalogue, holdings.subject.kind);
  const test = createConditionTester(plan.schema);
  const problems: SubmissionProblem[] = [];
  const entries = new Map(submission.materials.map((entry, index) => [entry.id, { entry, index }]));
  for (const { material, licences, sources } of plan.materials) {
    const found = entries.get(material.id);
    const at = found ? `/materials/${found.index}` : '/materials';
    const title = typeof material.title === 'string' ? material.title : (material.title['zh-CN'] ?? material.id);
    const applies = material.when === undefined || test(material.when as JsonSchema, submission.data);
    if (!applies) continue;
    const status = found?.entry.status;
    if (status === undefined || status === 'not-applicable') {
      const because = whenMatches(material.when as JsonSchema | undefined, submission.data)
        .map((m) => `${m.pointer} = ${JSON.stringify(m.value)}`)
        .join(', ');
      if (material.required === true || status === 'not-applicable')
        problems.push(
          problem(
            at,
            'materials-incomplete',
            `材料“${title}”适用于本申请${because ? `（${because}）` : ''}，但未提交`,
            `material "${material.id}" applies to this application${because ? ` (${because})` : ''} but is not accounted for`,
          ),
        );
      continue;
    }
    const entry = found!.entry;
    if (material.required === true && (status === 'missing' || status === 'expired')) {
      problems.push(
        problem(
          at,
          'materials-incomplete',
          `必需材料“${title}”尚未提供`,
          `required material "${material.id}" is ${status}`,
        ),
      );
    } else if (status === 'uploaded' && (entry.files ?? []).length === 0) {
      problems.push(
        problem(
          at,
          'materials-incomplete',
          `材料“${title}”标为已上传，但没有文件`,
          `material "${material.id}" is marked uploaded but has no files`,
        ),
      );
    } else if (status === 'onsite' && material.onsite !== true) {
      problems.push(
        problem(
          at,
          'material-unverified',
          `材料“${title}”不需到现场核验`,
          `material "${material.id}" is not one to show in person`,
        ),
      );
    } else if (status === 'licence') {
      const claimed = entry.by?.licence;
      const held = (holdings.licences ?? []).find(
        (l) =>
          claimed !== undefined &&
          l.type === claimed.type &&
          l.number === claimed.number &&
          licences.includes(l.type) &&
          licenceValid({ ...l, values: {} }, today),
      );
      if (!held)
        problems.push(
          problem(
            `${at}/by/licence`,
            'material-unverified',
            `材料“${title}”所称的电子证照不存在、已过期或不在所列证照中`,
            `the licence claimed for material "${material.id}" is not held, not valid today or not one it lists`,
          ),
        );
    } else if (status === 'data') {
      const source = entry.by?.source;
      // Own keys only: a subject with no answer from a source named `constructor` has none.
      const held = holdings.sources;
      const raw = source !== undefined && held && Object.hasOwn(held, source) ? held[source] : undefined;
      const answers =
        raw !== undefined && (raw.$status === undefined || raw.$status === 200) && raw.$malformed !== true;
      if (source === undefined || !sources.includes(source) || !answers)
        problems.push(
          problem(
            `${at}/by/source`,
            'material-unverified',
            `材料“${title}”所称的数据源没有该申请人的数据，或不在所列数据源中`,
            `the source claimed for material "${material.id}" has no data for the applicant or is not one it lists`,
          ),
        );
    }
  }
  return problems;
};

/**
 * What a check that ran past its time bound answers: the data is refused, not taken on trust.
 * Only a pattern that may take exponential time (kept out by the loader's ReDoS check) is that slow.
 */
export function checkTimedOut(ms: number): SubmissionProblem {
  return problem(
    '/data',
    'check-timed-out',
    `数据未能在 ${ms} 毫秒内检查完毕（事项的正则表达式可能耗时呈指数增长），已拒收`,
    `the data could not be checked within ${ms} ms (a pattern of the matter may take exponential time), so it is refused`,
  );
}

/** The checks the mock runs, in order. */
export const submissionChecks: readonly SubmissionCheck[] = [
  knownMatter,
  sameSubject,
  dataMatchesSchema,
  signaturesValid,
  filesMatch,
  materialsAccounted,
];

/**
 * Checks the parsed `submission` part has the shape of SPEC §5 that the checks rely on;
 * problems are `submission-invalid` at the member's pointer.
 */
export function submissionShape(value: unknown, idempotencyKey: string): SubmissionProblem[] {
  const invalid = (pointer: string, en: string, zh: string) => problem(pointer, 'submission-invalid', zh, en);
  if (!isObject(value)) return [invalid('', 'the submission is not a JSON object', '提交内容不是 JSON 对象')];
  const problems: SubmissionProblem[] = [];
  const { matter, subject, data, materials, provenance } = value;
  if (!isObject(matter) || typeof matter.id !== 'string' || typeof matter.version !== 'string') {
    problems.push(invalid('/matter', 'matter must be { id, version }', 'matter 应为 { id, version }'));
  }
  if (
    !isObject(subject) ||
    (subject.kind !== 'person' && subject.kind !== 'organization') ||
    typeof subject.id !== 'string'
  ) {
    problems.push(invalid('/subject', 'subject must be { kind, id }', 'subject 应为 { kind, id }'));
  } else if (subject.actor !== undefined && (!isObject(subject.actor) || typeof subject.actor.id !== 'string')) {
    problems.push(invalid('/subject/actor', 'actor must be { id, name }', 'actor 应为 { id, name }'));
  }
  if (!isObject(data)) problems.push(invalid('/data', 'data must be an object', 'data 应为对象'));
  if (!Array.isArray(materials)) {
    problems.push(invalid('/materials', 'materials must be an array', 'materials 应为数组'));
  } else {
    materials.forEach((material, i) => {
      if (!isObject(material)) {
        problems.push(invalid(`/materials/${i}`, 'a material entry must be an object', '材料条目应为对象'));
        return;
      }
      if (material.files === undefined) return;
      const ok =
        Array.isArray(material.files) &&
        material.files.every(
          (f) =>
            isObject(f) &&
            typeof f.name === 'string' &&
            typeof f.size === 'number' &&
            typeof f.sha256 === 'string' &&
            /^[0-9a-f]{64}$/.test(f.sha256),
        );
      if (!ok) {
        problems.push(
          invalid(
            `/materials/${i}/files`,
            'files must be [{ name, type, size, sha256 }] with a lower-case hex sha256',
            'files 应为 [{ name, type, size, sha256 }]，sha256 为小写十六进制',
          ),
        );
      }
    });
  }
  if (!isObject(provenance) || !Object.values(provenance).every(isObject)) {
    problems.push(invalid('/provenance', 'provenance must map pointers to objects', 'provenance 应为指针到对象的映射'));
  }
  for (const member of ['consents', 'payloads'] as const) {
    if (value[member] !== undefined && !Array.isArray(value[member])) {
      problems.push(invalid(`/${member}`, `${member} must be an array`, `${member} 应为数组`));
    }
  }
  if (value.idempotencyKey !== undefined && value.idempotencyKey !== idempotencyKey) {
    problems.push(
      invalid(
        '/idempotencyKey',
        'idempotencyKey differs from the Idempotency-Key header',
        'idempotencyKey 与请求头 Idempotency-Key 不一致',
      ),
    );
  }
  return problems;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
