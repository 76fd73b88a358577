#!/usr/bin/env node
// The element templates and the models that use them:
//
//   node .ci/lint/check-templates.mjs                 # processes/*.bpmn and src/test/resources/**/*.bpmn
//   node .ci/lint/check-templates.mjs some/model.bpmn # only these models
//
// - every template in processes/element-templates/*.json is valid against the official Camunda 7 schema
//   (@bpmn-io/element-templates-validator), and its id with its version is unique;
// - an element that names a template (camunda:modelerTemplate, camunda:modelerTemplateVersion) matches it as
//   Modeler writes it: the template exists and applies to the element's type; Hidden values are equal, a
//   Dropdown value is among its choices, a required field is set; a called stage passes exactly the template's
//   variables in and out;
// - an element that should use a template does: a public status change (ideaStatus.change, ${publicStatus}),
//   a public note (ideaStatus.note, ${publicNote}), a call of a process that a template calls.
// Exit code 1 with one line per problem: file, element id and name, template.

import { createRequire } from 'node:module';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const TEMPLATES = 'processes/element-templates';

export const problems = [];
const problem = (file, message) => problems.push(`${file}: ${message}`);

async function bpmnFiles(dir) {
  const found = [];
  let entries;
  try { entries = await readdir(path.join(root, dir), { withFileTypes: true }); }
  catch { return found; }
  for (const entry of entries) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...await bpmnFiles(file));
    else if (entry.name.endsWith('.bpmn')) found.push(file);
  }
  return found.sort();
}

// ---- the templates, against the official schema
export async function readTemplates() {
  const { validate } = await import('@bpmn-io/element-templates-validator');
  const templates = new Map();
  for (const name of (await readdir(path.join(root, TEMPLATES))).filter(n => n.endsWith('.json')).sort()) {
    const file = path.join(TEMPLATES, name);
    let content;
    try { content = JSON.parse(await readFile(path.join(root, file), 'utf8')); }
    catch (error) { problem(file, `is not JSON: ${error.message}`); continue; }
    for (const template of Array.isArray(content) ? content : [content]) {
      const { valid, errors } = validate(template);
      if (!valid) {
        errors.forEach(error => problem(file, `template ${template.id}: ${error.message}${error.dataPath ? ` at ${error.dataPath}` : ''}`));
        continue;
      }
      const key = `${template.id}@${template.version ?? ''}`;
      if (templates.has(key)) problem(file, `template ${template.id} version ${template.version} is also in ${templates.get(key).file}`);
      templates.set(key, { ...template, file });
    }
  }
  return templates;
}

// ---- the models
const ext = (element, type) => (element.extensionElements?.values || []).filter(e => e.$instanceOf(type));
const io = element => ext(element, 'camunda:InputOutput')[0];
const listenerValue = (listener) => listener.delegateExpression ?? listener.expression ?? listener.class ?? listener.script?.value;

/** The value the element holds for a binding, or undefined when it holds none. */
function boundValue(element, binding) {
  switch (binding.type) {
    case 'property': return element.get(binding.name);
    case 'camunda:property':
      return ext(element, 'camunda:Properties').flatMap(p => p.values || []).find(p => p.name === binding.name)?.value;
    case 'camunda:inputParameter': {
      const parameter = (io(element)?.inputParameters || []).find(p => p.name === binding.name);
      return parameter && (parameter.value ?? parameter.definition?.value ?? '');
    }
    case 'camunda:outputParameter':
      return (io(element)?.outputParameters || []).find(p => p.value === binding.source)?.name;
    case 'camunda:in': {
      const mapping = ext(element, 'camunda:In').find(m => !m.businessKey && m.target === binding.target);
      return mapping && (binding.expression ? mapping.sourceExpression : mapping.source);
    }
    case 'camunda:in:businessKey': return ext(element, 'camunda:In').find(m => m.businessKey)?.businessKey;
    case 'camunda:out': return ext(element, 'camunda:Out').find(m => m.source === binding.source)?.target;
    case 'camunda:executionListener': {
      const all = ext(element, 'camunda:ExecutionListener').filter(l => l.event === binding.event
        && (!binding.implementationType || l[binding.implementationType] !== undefined));
      return all.map(listenerValue);
    }
    default: return undefined;
  }
}

function describeBinding(binding) {
  const { type, ...rest } = binding;
  return `${type} ${Object.entries(rest).map(([k, v]) => `${k}=${v}`).join(' ')}`.trim();
}

function checkElement(file, element, template, where) {
  if (!template.appliesTo.some(type => element.$instanceOf(type))) {
    problem(file, `${where} is a ${element.$type}, but template ${template.id} applies to ${template.appliesTo.join(', ')}`);
  }
  for (const property of template.properties) {
    const { binding } = property;
    const label = property.label ? `"${property.label}" (${describeBinding(binding)})` : describeBinding(binding);
    const value = boundValue(element, binding);
    if (binding.type === 'camunda:executionListener') {
      if (!value.includes(property.value)) {
        problem(file, `${where}: template ${template.id} needs the ${binding.event} listener ${property.value}; it has ${value.length ? value.join(', ') : 'none'}`);
      }
      continue;
    }
    const empty = value === undefined || value === null || value === '';
    if (property.type === 'Hidden') {
      if ((value ?? '') !== (property.value ?? '') || (value === undefined && !['camunda:inputParameter'].includes(binding.type) && property.value === undefined)) {
        if (value === undefined) problem(file, `${where}: template ${template.id} sets ${label} to "${property.value ?? ''}"; the element has none`);
        else if ((value ?? '') !== (property.value ?? '')) problem(file, `${where}: template ${template.id} sets ${label} to "${property.value ?? ''}", not "${value}"`);
      }
    }
    else if (property.type === 'Dropdown' && !empty && !property.choices.some(choice => choice.value === value)) {
      problem(file, `${where}: "${value}" is none of the choices of ${label} in template ${template.id}: ${property.choices.map(c => c.value).join(', ')}`);
    }
    if (property.type !== 'Hidden' && property.constraints?.notEmpty && empty) {
      problem(file, `${where}: template ${template.id} needs ${label}`);
    }
    const pattern = property.constraints?.pattern;
    if (pattern && !empty && !new RegExp(typeof pattern === 'string' ? pattern : pattern.value).test(value)) {
      problem(file, `${where}: ${label} "${value}" does not match template ${template.id}: ${pattern.message || pattern.value || pattern}`);
    }
  }
  // Modeler replaces an element's execution listeners with its template's when it applies or updates the template
  const listenerBindings = template.properties.filter(p => p.binding.type === 'camunda:executionListener');
  for (const listener of ext(element, 'camunda:ExecutionListener')) {
    if (!listenerBindings.some(p => p.binding.event === listener.event && p.value === listenerValue(listener))) {
      problem(file, `${where}: its ${listener.event} listener ${listenerValue(listener)} is not in template ${template.id}, and Modeler drops it when the template is applied; move it (e.g. to the incoming flow's take listener) or into the template`);
    }
  }
  // a called stage passes exactly the variables of its template
  const kinds = { 'camunda:In': ['camunda:in', 'camunda:in:businessKey'], 'camunda:Out': ['camunda:out'] };
  for (const [type, bindingTypes] of Object.entries(kinds)) {
    if (!template.properties.some(p => bindingTypes.includes(p.binding.type))) continue;
    for (const mapping of ext(element, type)) {
      const known = template.properties.some(({ binding }) =>
        (binding.type === 'camunda:in:businessKey' && mapping.businessKey)
        || (binding.type === 'camunda:in' && !mapping.businessKey && binding.target === mapping.target)
        || (binding.type === 'camunda:out' && binding.source === mapping.source));
      if (!known) {
        problem(file, `${where}: passes ${type === 'camunda:In' ? 'in' : 'out'} ${mapping.businessKey ? 'the business key' : `"${mapping.source || mapping.sourceExpression}" as "${mapping.target}"`}, which template ${template.id} does not; change the template (new version) instead`);
      }
    }
  }
}

function flowElements(container, found = []) {
  for (const element of container.flowElements || []) {
    found.push(element);
    if (element.flowElements) flowElements(element, found);
  }
  return found;
}

export async function checkModels(files, templates) {
  const { BpmnModdle } = require('bpmn-moddle');
  const camunda = require('camunda-bpmn-moddle/resources/camunda.json');
  const byId = new Map([...templates.values()].map(t => [t.id, t]));
  // a process that a template calls is only called through a template
  const calledByTemplate = new Map();
  for (const template of templates.values()) {
    const called = template.properties.find(p => p.binding.type === 'property' && p.binding.name === 'calledElement' && p.type === 'Hidden');
    if (called) calledByTemplate.set(called.value, [...(calledByTemplate.get(called.value) || []), template.id]);
  }
  for (const file of files) {
    let definitions;
    try {
      ({ rootElement: definitions } = await new BpmnModdle({ camunda }).fromXML(await readFile(path.join(root, file), 'utf8')));
    }
    catch (error) { problem(file, `cannot be read: ${error.message}`); continue; }
    for (const process of definitions.rootElements.filter(e => e.$type === 'bpmn:Process')) {
      for (const element of flowElements(process)) {
        const where = `${element.$type.replace('bpmn:', '')} ${element.id} ("${element.name || ''}")`;
        const templateId = element.get('camunda:modelerTemplate');
        const version = element.get('camunda:modelerTemplateVersion');
        if (templateId) {
          const template = templates.get(`${templateId}@${version ?? ''}`);
          if (!template) {
            const other = byId.get(templateId);
            problem(file, `${where} uses template ${templateId} version ${version ?? '(none)'}, which is not in ${TEMPLATES}${other ? ` (there is version ${other.version})` : ''}`);
          }
          else checkElement(file, element, template, where);
        }
        const listeners = ext(element, 'camunda:ExecutionListener').map(listenerValue).filter(Boolean);
        const shouldUse = [];
        if (listeners.some(l => /ideaStatus\s*\.\s*change\s*\(/.test(l) || l.trim() === '${publicStatus}')) shouldUse.push('city.ideatoservice.set-public-status');
        if (listeners.some(l => /ideaStatus\s*\.\s*note\s*\(/.test(l) || l.trim() === '${publicNote}')) shouldUse.push('city.ideatoservice.notify-citizen');
        if (element.$type === 'bpmn:CallActivity' && calledByTemplate.has(element.calledElement)) {
          shouldUse.push(calledByTemplate.get(element.calledElement).join(' or '));
        }
        if (listeners.some(l => /ideaStatus\s*\.\s*(change|note)\s*\(/.test(l))) {
          problem(file, `${where} calls ideaStatus in a listener expression; apply template ${shouldUse.join(' or ')} (fields, not expressions)`);
        }
        else if (shouldUse.length && !templateId) {
          problem(file, `${where} should use template ${shouldUse.join(' and ')}; apply it in Modeler (or node .ci/lint/apply-template.mjs)`);
        }
        else if (shouldUse.length && templateId && element.$type === 'bpmn:CallActivity' && calledByTemplate.has(element.calledElement)
          && !calledByTemplate.get(element.calledElement).includes(templateId)) {
          problem(file, `${where} calls ${element.calledElement} with template ${templateId}; use ${calledByTemplate.get(element.calledElement).join(' or ')}`);
        }
      }
    }
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const templates = await readTemplates();
  const files = process.argv.length > 2 ? process.argv.slice(2).map(f => path.relative(root, path.resolve(f)))
    : [...await bpmnFiles('processes'), ...await bpmnFiles('src/test/resources')];
  await checkModels(files, templates);
  console.log(`[templates] ${templates.size} element templates, ${files.length} BPMN models checked`);
  if (problems.length) {
    problems.forEach(line => console.error(`[templates] ${line}`));
    console.error(`[templates] FAILED: ${problems.length} problem(s)`);
    process.exit(1);
  }
  console.log('[templates] every template is valid; every templated element matches its template');
}
