#!/usr/bin/env node
// Applies an element template of processes/element-templates to an element of a model, as Modeler does, e.g.
//
//   node .ci/lint/apply-template.mjs processes/x.bpmn EndEvent_Rejected city.ideatoservice.set-public-status \
//     publicStatus=REJECTED "publicReason=Another idea covers it."
//
// name=value sets a field that is not Hidden (its binding's name: a camunda:property, a BPMN attribute such as
// camunda:formRef, an input parameter); Hidden values come from the template. A called stage's variables are
// replaced by the template's. The model is written back the way Modeler saves it (bpmn-moddle), then checked
// with check-templates.mjs.

import { createRequire } from 'node:module';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readTemplates, checkModels, problems } from './check-templates.mjs';

const require = createRequire(import.meta.url);
const [file, elementId, templateId, ...fields] = process.argv.slice(2);
if (!templateId) {
  console.error('usage: node .ci/lint/apply-template.mjs <model.bpmn> <element id> <template id> [name=value ...]');
  process.exit(2);
}
const values = Object.fromEntries(fields.map(field => [field.slice(0, field.indexOf('=')), field.slice(field.indexOf('=') + 1)]));
const all = await readTemplates();
const templates = [...all.values()].filter(t => t.id === templateId)
  .sort((a, b) => (b.version ?? 0) - (a.version ?? 0));
if (!templates.length) {
  console.error(`no template ${templateId} in processes/element-templates`);
  process.exit(1);
}
const template = templates[0];

const { BpmnModdle } = require('bpmn-moddle');
const camunda = require('camunda-bpmn-moddle/resources/camunda.json');
const moddle = new BpmnModdle({ camunda });
const { rootElement: definitions, elementsById } = await moddle.fromXML(await readFile(file, 'utf8'));
const element = elementsById[elementId];
if (!element) {
  console.error(`${file}: no element ${elementId}`);
  process.exit(1);
}

function extensions() {
  if (!element.extensionElements) {
    element.extensionElements = moddle.create('bpmn:ExtensionElements', { values: [] });
    element.extensionElements.$parent = element;
  }
  element.extensionElements.values = element.extensionElements.values || [];
  return element.extensionElements.values;
}
function one(type) {
  let found = extensions().find(e => e.$instanceOf(type));
  if (!found) {
    found = moddle.create(type);
    found.$parent = element.extensionElements;
    extensions().push(found);
  }
  return found;
}

// a field the element already has keeps its value unless given again
function current(binding) {
  if (binding.type === 'property') return element.get(binding.name);
  if (binding.type === 'camunda:property') {
    return extensions().filter(e => e.$instanceOf('camunda:Properties')).flatMap(p => p.values || [])
      .find(p => p.name === binding.name)?.value;
  }
  if (binding.type === 'camunda:inputParameter') {
    return extensions().filter(e => e.$instanceOf('camunda:InputOutput')).flatMap(io => io.inputParameters || [])
      .find(p => p.name === binding.name)?.value;
  }
  return undefined;
}

const hasMappings = template.properties.some(p => ['camunda:in', 'camunda:in:businessKey', 'camunda:out'].includes(p.binding.type));
if (hasMappings) {
  element.extensionElements && (element.extensionElements.values = extensions().filter(e => !e.$instanceOf('camunda:In') && !e.$instanceOf('camunda:Out')));
}
const missing = [];
for (const property of template.properties) {
  const { binding } = property;
  const key = binding.name ?? binding.target ?? binding.source;
  let value = property.type === 'Hidden' ? property.value : (values[key] ?? current(binding) ?? property.value);
  if (property.type !== 'Hidden' && property.constraints?.notEmpty && (value === undefined || value === '')) missing.push(key);
  if (value === undefined) continue;
  switch (binding.type) {
    case 'property': element.set(binding.name, value); break;
    case 'camunda:property': {
      const properties = one('camunda:Properties');
      properties.values = properties.values || [];
      let entry = properties.values.find(p => p.name === binding.name);
      if (!entry) {
        entry = moddle.create('camunda:Property', { name: binding.name });
        entry.$parent = properties;
        properties.values.push(entry);
      }
      entry.value = value;
      break;
    }
    case 'camunda:inputParameter': {
      const io = one('camunda:InputOutput');
      io.inputParameters = io.inputParameters || [];
      let parameter = io.inputParameters.find(p => p.name === binding.name);
      if (!parameter) {
        parameter = moddle.create('camunda:InputParameter', { name: binding.name });
        parameter.$parent = io;
        io.inputParameters.push(parameter);
      }
      if (value === '') delete parameter.value; else parameter.value = value;
      break;
    }
    case 'camunda:in':
      extensions().push(moddle.create('camunda:In', binding.expression ? { sourceExpression: value, target: binding.target } : { source: value, target: binding.target }));
      break;
    case 'camunda:in:businessKey': extensions().push(moddle.create('camunda:In', { businessKey: value })); break;
    case 'camunda:out': extensions().push(moddle.create('camunda:Out', { source: binding.source, target: value })); break;
    case 'camunda:executionListener': {
      const kind = binding.implementationType || 'class';
      // the hand-written status and note expressions this template replaces
      element.extensionElements.values = extensions().filter(e => !(e.$instanceOf('camunda:ExecutionListener')
        && e.event === binding.event && /ideaStatus\s*\.\s*(change|note)\s*\(/.test(e.expression || '')));
      const listeners = extensions().filter(e => e.$instanceOf('camunda:ExecutionListener'));
      if (!listeners.some(l => l.event === binding.event && l[kind] === value)) {
        extensions().push(moddle.create('camunda:ExecutionListener', { event: binding.event, [kind]: value }));
      }
      break;
    }
    default:
      console.error(`binding ${binding.type} is not supported by this script; set it in Modeler`);
      process.exit(1);
  }
}
if (missing.length) {
  console.error(`template ${template.id} needs ${missing.map(m => `${m}=...`).join(' ')}`);
  process.exit(1);
}
element.set('camunda:modelerTemplate', template.id);
element.set('camunda:modelerTemplateVersion', template.version);
const { xml } = await moddle.toXML(definitions, { format: true });
await writeFile(file, xml + '\n');
console.log(`${file}: ${elementId} now uses ${template.id} version ${template.version}`);
await checkModels([path.relative(path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..'), path.resolve(file))], all);
if (problems.length) {
  problems.forEach(line => console.error(`[templates] ${line}`));
  process.exit(1);
}
