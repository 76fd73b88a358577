#!/usr/bin/env node
// The models as Camunda Modeler opens them, and their pictures:
//
//   node .ci/lint/check-models.mjs            # checks processes/*.bpmn, processes/*.dmn, forms/*.form
//   OUT=target/model-pictures node .ci/lint/check-models.mjs
//
// - every BPMN model is imported with bpmn-js (the library Modeler is built on, with camunda-bpmn-moddle) in
//   Debian's Chromium: any import warning fails, as does a flow element, lane, participant, message flow or
//   artifact without its shape or edge in the diagram; each model's picture is written to OUT as SVG;
// - every DMN model is read with dmn-moddle + camunda-dmn-moddle: any warning fails;
// - references resolve: camunda:formRef to forms/<id>.form (whose "id" is that id), calledElement to a process
//   of processes/, camunda:decisionRef to a decision of processes/*.dmn;
// - every form is imported with form-js 1.8.7 (@bpmn-io/form-js-viewer, the version Camunda 7.24's Tasklist
//   renders with) in Node with jsdom: an unknown component, a schema error or any import warning fails.
// Exit code 1 with every problem listed. Needs `npm ci --prefix .ci/lint` and chromium (CHROMIUM, default
// /usr/bin/chromium).

import { createRequire } from 'node:module';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const OUT = path.resolve(root, process.env.OUT || 'target/model-pictures');
const EXECUTABLE = process.env.CHROMIUM || '/usr/bin/chromium';

const problems = [];
const problem = (file, message) => problems.push(`${file}: ${message}`);

async function filesIn(dir, extension) {
  return (await readdir(path.join(root, dir))).filter(name => name.endsWith(extension)).sort()
    .map(name => path.join(dir, name));
}

// ---- DMN: read as Modeler does, collect the decisions
async function checkDmn(files) {
  const { DmnModdle } = require('dmn-moddle');
  const camundaDmn = require('camunda-dmn-moddle/resources/camunda.json');
  const decisions = new Set();
  for (const file of files) {
    const moddle = new DmnModdle({ camunda: camundaDmn });
    try {
      const { rootElement, warnings } = await moddle.fromXML(await readFile(path.join(root, file), 'utf8'),
        'dmn:Definitions');
      warnings.forEach(warning => problem(file, `import warning: ${warning.message}`));
      for (const element of rootElement.drgElement || []) {
        if (element.$type === 'dmn:Decision') decisions.add(element.id);
      }
    }
    catch (error) {
      problem(file, `cannot be read: ${error.message}`);
    }
  }
  return decisions;
}

// ---- BPMN: moddle for the references and the diagram's completeness
const NEEDS_DI = ['bpmn:FlowNode', 'bpmn:SequenceFlow', 'bpmn:Lane', 'bpmn:Participant', 'bpmn:MessageFlow',
  'bpmn:TextAnnotation', 'bpmn:Association', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference', 'bpmn:Group'];

async function readBpmn(files) {
  const { BpmnModdle } = require('bpmn-moddle');
  const camunda = require('camunda-bpmn-moddle/resources/camunda.json');
  const models = [];
  for (const file of files) {
    const moddle = new BpmnModdle({ camunda });
    try {
      const { rootElement, warnings } = await moddle.fromXML(await readFile(path.join(root, file), 'utf8'));
      warnings.forEach(warning => problem(file, `import warning: ${warning.message}`));
      models.push({ file, definitions: rootElement });
    }
    catch (error) {
      problem(file, `cannot be read: ${error.message}`);
    }
  }
  return models;
}

function elementsOf(container, found = []) {
  for (const element of [...(container.flowElements || []), ...(container.artifacts || [])]) {
    found.push(element);
    if (element.flowElements) elementsOf(element, found);
  }
  for (const laneSet of container.laneSets || []) {
    for (const lane of laneSet.lanes || []) found.push(lane);
  }
  return found;
}

function checkReferences(models, forms, decisions) {
  const processes = new Set(models.flatMap(({ definitions }) =>
    definitions.rootElements.filter(e => e.$type === 'bpmn:Process').map(e => e.id)));
  for (const { file, definitions } of models) {
    const shown = new Set();
    for (const diagram of definitions.diagrams || []) {
      for (const di of diagram.plane?.planeElement || []) {
        if (!di.bpmnElement) problem(file, `diagram element ${di.id} points at nothing`);
        else shown.add(di.bpmnElement.id);
        if (di.$type === 'bpmndi:BPMNEdge' && !(di.waypoint?.length >= 2)) problem(file, `edge ${di.id} has no waypoints`);
        if (di.$type === 'bpmndi:BPMNShape' && !di.bounds) problem(file, `shape ${di.id} has no bounds`);
      }
    }
    const elements = [];
    for (const rootElement of definitions.rootElements) {
      if (rootElement.$type === 'bpmn:Process') elementsOf(rootElement, elements);
      if (rootElement.$type === 'bpmn:Collaboration') {
        elements.push(...(rootElement.participants || []), ...(rootElement.messageFlows || []), ...(rootElement.artifacts || []));
      }
    }
    for (const element of elements) {
      if (NEEDS_DI.some(type => element.$instanceOf(type)) && !shown.has(element.id)) {
        problem(file, `${element.$type.replace('bpmn:', '')} ${element.id} ("${element.name || ''}") is not in the diagram`);
      }
      const formRef = element.get?.('camunda:formRef');
      if (formRef && !forms.has(formRef)) problem(file, `${element.id}: camunda:formRef "${formRef}" is not a form in forms/`);
      if (element.$type === 'bpmn:CallActivity' && element.calledElement && !processes.has(element.calledElement)) {
        problem(file, `${element.id}: calledElement "${element.calledElement}" is not a process in processes/`);
      }
      const decisionRef = element.get?.('camunda:decisionRef');
      if (decisionRef && !decisions.has(decisionRef)) {
        problem(file, `${element.id}: camunda:decisionRef "${decisionRef}" is not a decision in processes/*.dmn`);
      }
    }
  }
}

// ---- forms: imported with the Tasklist's form-js
async function checkForms(files) {
  const { JSDOM } = require('jsdom');
  const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
  for (const name of ['window', 'document', 'navigator', 'Node', 'HTMLElement', 'Element', 'Event', 'KeyboardEvent',
    'MouseEvent', 'CustomEvent', 'getComputedStyle', 'requestAnimationFrame', 'cancelAnimationFrame',
    'MutationObserver', 'DOMParser']) {
    if (!(name in globalThis) || ['window', 'document'].includes(name)) {
      try { globalThis[name] = dom.window[name]; } catch { /* read-only in this Node */ }
    }
  }
  const { Form } = require('@bpmn-io/form-js-viewer');
  const ids = new Set();
  for (const file of files) {
    let schema;
    try {
      schema = JSON.parse(await readFile(path.join(root, file), 'utf8'));
    }
    catch (error) {
      problem(file, `is not JSON: ${error.message}`);
      continue;
    }
    const id = path.basename(file, '.form');
    if (schema.id !== id) problem(file, `its id is "${schema.id}", not "${id}" as its file name (formRef)`);
    ids.add(schema.id);
    const container = document.createElement('div');
    document.body.appendChild(container);
    const form = new Form({ container });
    try {
      const { warnings } = await form.importSchema(schema, {});
      warnings.forEach(warning => problem(file, `form-js import warning: ${warning.message || warning}`));
    }
    catch (error) {
      problem(file, `form-js cannot import it: ${error.message}`);
    }
    form.destroy();
    container.remove();
  }
  return ids;
}

// ---- BPMN in bpmn-js, as Modeler draws it: warnings, and the picture
async function drawBpmn(files) {
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({ executablePath: EXECUTABLE, headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.setContent('<!doctype html><html><body><div id="canvas" style="width:1600px;height:1000px"></div></body></html>');
    await page.addScriptTag({ path: require.resolve('bpmn-js/dist/bpmn-viewer.production.min.js') });
    await mkdir(OUT, { recursive: true });
    for (const file of files) {
      const xml = await readFile(path.join(root, file), 'utf8');
      const result = await page.evaluate(async xml => {
        window.viewer?.destroy();
        window.viewer = new window.BpmnJS({ container: '#canvas' });
        try {
          const { warnings } = await window.viewer.importXML(xml);
          const { svg } = await window.viewer.saveSVG();
          return { warnings: warnings.map(w => w.message), svg };
        }
        catch (error) {
          return { error: error.message, warnings: (error.warnings || []).map(w => w.message) };
        }
      }, xml);
      if (result.error) problem(file, `bpmn-js cannot import it: ${result.error}`);
      result.warnings.forEach(warning => problem(file, `bpmn-js import warning: ${warning}`));
      if (result.svg) {
        const picture = path.join(OUT, path.basename(file, '.bpmn') + '.svg');
        await writeFile(picture, result.svg);
        console.log(`[models] ${file}: drawn to ${path.relative(root, picture)}`);
      }
    }
  }
  finally {
    await browser.close();
  }
}

const bpmnFiles = await filesIn('processes', '.bpmn');
const dmnFiles = await filesIn('processes', '.dmn');
const formFiles = await filesIn('forms', '.form');
const decisions = await checkDmn(dmnFiles);
const forms = await checkForms(formFiles);
const models = await readBpmn(bpmnFiles);
checkReferences(models, forms, decisions);
await drawBpmn(bpmnFiles);

console.log(`[models] ${bpmnFiles.length} BPMN, ${dmnFiles.length} DMN, ${formFiles.length} forms checked`);
if (problems.length) {
  problems.forEach(line => console.error(`[models] ${line}`));
  console.error(`[models] FAILED: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log('[models] every model opens without a warning; every reference resolves');
process.exit(0);
