#!/usr/bin/env node
// A department back office re-checks an application it received, with the same validator
// and the same messages the form showed the applicant:
//   node examples/check-application/check.mjs <catalogue> <matter id> <application.json> [en]
import { readFile } from 'node:fs/promises';
import { compileSchema, formatProblem } from '@matterform/core';
import { loadCatalogueFrom } from '@matterform/core/node';

const [catalogueDir, matterId, applicationFile, lang = 'zh-CN'] = process.argv.slice(2);
if (!catalogueDir || !matterId || !applicationFile) {
  console.error('usage: check.mjs <catalogue> <matter id> <application.json> [zh-CN|en]');
  process.exit(2);
}

const load = await loadCatalogueFrom(catalogueDir);
for (const problem of load.errors) console.error(formatProblem(problem, lang));
const matter = load.catalogue.matters.find((m) => m.id === matterId);
if (!load.ok || !matter) {
  if (load.ok) console.error(`no matter "${matterId}" in ${catalogueDir}`);
  process.exit(1);
}

const application = JSON.parse(await readFile(applicationFile, 'utf8'));
const { valid, errors } = compileSchema(matter.schema)(application.data);
if (valid) {
  console.log(lang === 'en' ? `${applicationFile}: complete and valid` : `${applicationFile}：填写完整、格式正确`);
} else {
  for (const error of errors) console.log(`${error.pointer}: ${error.message[lang]}`);
  process.exit(1);
}
