#!/usr/bin/env node
// Dev tool: (re)generate the diagram interchange (bpmndi) of BPMN files.
//
//   node .ci/lint/layout.mjs processes/foo.bpmn [more.bpmn ...]
//   node .ci/lint/layout.mjs --stdout processes/foo.bpmn   # print, don't write
//
// Needs `npm ci --prefix .ci/lint` first.
//
// Each file is laid out with bpmn-auto-layout's layoutProcess(xml) and written
// back in place. Existing (possibly stale) DI is thrown away and rebuilt.
//
// What this wrapper adds around bpmn-auto-layout:
//  * Embedded sub-processes are always laid out EXPANDED. bpmn-auto-layout
//    only expands a sub-process whose old DI says isExpanded="true"; otherwise
//    it draws it collapsed and puts the sub-process content into the main
//    plane on top of the main flow. So every bpmn:SubProcess (incl. event
//    sub-processes, transactions) gets a seed shape with isExpanded="true".
//  * Refuses models it cannot lay out: collaborations (pools / message flows),
//    lanes, more than one process (bpmn-auto-layout only lays out the first
//    bpmn:Process and drops every other diagram).
//  * Verifies the result before writing: it re-parses with bpmn-moddle plus the
//    Camunda 7 descriptor (camunda-bpmn-moddle) without warnings, the semantic
//    model (everything except bpmndi, including all camunda:* attributes and
//    extension elements) is unchanged, and every flow node and sequence flow
//    has a shape/edge. If a check fails, the file is left untouched (exit 1).
//
// bpmn-auto-layout parses with a plain bpmn-moddle (no Camunda descriptor and
// no way to pass one); camunda:* attributes and <camunda:...> extension
// elements then survive as untyped XML, which the semantic check confirms.

import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

import { BpmnModdle } from 'bpmn-moddle';
import { layoutProcess } from 'bpmn-auto-layout';

const require = createRequire(import.meta.url);
const camundaDescriptor = require('camunda-bpmn-moddle/resources/camunda.json');

// typed: with the Camunda 7 descriptor (as Camunda Modeler reads the file);
// plain: without it, exactly as bpmn-auto-layout reads and writes the file
// (camunda:* stay untyped XML and are written back verbatim).
function createModdle({ typed = true } = {}) {
  return typed ? new BpmnModdle({ camunda: camundaDescriptor }) : new BpmnModdle();
}

function is(element, type) {
  return element && element.$instanceOf && element.$instanceOf(type);
}

function warningText(warnings) {
  return warnings.map(w => '  - ' + String(w.message).split('\n')[0]).join('\n');
}

async function parse(xml, what) {
  const result = await createModdle().fromXML(xml);
  return { ...result, what };
}

/** All flow elements of a process, recursively through sub-processes. */
function allFlowElements(container, out = []) {
  for (const el of container.get('flowElements') || []) {
    out.push(el);
    if (is(el, 'bpmn:SubProcess')) {
      allFlowElements(el, out);
    }
  }
  return out;
}

/** Serialization of the semantic model only (bpmndi removed), for comparing. */
async function semanticXml(xml, typed) {
  const moddle = createModdle({ typed });
  const { rootElement } = await moddle.fromXML(xml);
  rootElement.set('diagrams', []);
  const { xml: out } = await moddle.toXML(rootElement, { format: true });

  // the order of xmlns declarations may change (harmless): compare them as a set
  const nsRe = /\s+xmlns(?::[\w.-]+)?="[^"]*"/g;
  const namespaces = (out.match(nsRe) || []).map(s => s.trim()).sort();
  return namespaces.join('\n') + '\n' + out.replace(nsRe, '');
}

/** Seed DI: one plane with an isExpanded shape per sub-process. */
async function seedXml(xml, file) {
  const { warnings } = await createModdle({ typed: true }).fromXML(xml);

  if (warnings.length) {
    throw new Error(`${file}: input does not parse cleanly with bpmn-moddle + camunda descriptor:\n${warningText(warnings)}`);
  }

  // seed with the plain moddle so the input is written like bpmn-auto-layout
  // writes it (the typed one would e.g. drop camunda attributes that equal
  // their default, such as camunda:calledElementBinding="latest")
  const moddle = createModdle({ typed: false });
  const { rootElement: definitions } = await moddle.fromXML(xml);

  const rootElements = definitions.get('rootElements');
  const processes = rootElements.filter(e => is(e, 'bpmn:Process'));
  const collaborations = rootElements.filter(e => is(e, 'bpmn:Collaboration'));

  if (processes.length !== 1) {
    throw new Error(`${file}: contains ${processes.length} bpmn:process elements; bpmn-auto-layout lays out exactly one`);
  }
  if (collaborations.length) {
    throw new Error(`${file}: contains a bpmn:collaboration (pools/message flows); bpmn-auto-layout does not lay those out`);
  }

  const [ proc ] = processes;
  const hasLanes = (c) => (c.get('laneSets') || []).some(ls => (ls.get('lanes') || []).length) ||
    (c.get('flowElements') || []).some(e => is(e, 'bpmn:SubProcess') && hasLanes(e));
  if (hasLanes(proc)) {
    throw new Error(`${file}: contains lanes; bpmn-auto-layout does not lay out lanes`);
  }

  const elements = allFlowElements(proc);
  const subProcesses = elements.filter(e => is(e, 'bpmn:SubProcess'));

  const planeElement = subProcesses.map(sp => moddle.create('bpmndi:BPMNShape', {
    id: `${sp.id}_seed_di`,
    bpmnElement: sp,
    isExpanded: true,
    bounds: moddle.create('dc:Bounds', { x: 0, y: 0, width: 100, height: 80 })
  }));

  const plane = moddle.create('bpmndi:BPMNPlane', {
    id: `BPMNPlane_${proc.id}`, bpmnElement: proc, planeElement
  });

  definitions.set('diagrams', [
    moddle.create('bpmndi:BPMNDiagram', { id: `BPMNDiagram_${proc.id}`, plane })
  ]);

  const seeded = (await moddle.toXML(definitions, { format: true })).xml;

  return { seeded, elements, subProcesses, proc };
}

/**
 * bpmn-auto-layout also draws shapes for non-visual flow elements
 * (bpmn:DataObject, the semantic object behind a dataObjectReference), which
 * Modelers do not expect: drop the DI of anything that is not a flow node,
 * sequence flow or data object/store reference.
 */
async function dropNonVisualDi(xml) {
  const moddle = createModdle({ typed: false });
  const { rootElement: definitions } = await moddle.fromXML(xml);

  const visual = (el) => [
    'bpmn:FlowNode', 'bpmn:SequenceFlow', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference'
  ].some(t => is(el, t));

  let dropped = 0;
  for (const diagram of definitions.get('diagrams') || []) {
    const planeElements = diagram.plane.get('planeElement');
    const keep = planeElements.filter(di => !di.bpmnElement || visual(di.bpmnElement));
    dropped += planeElements.length - keep.length;
    planeElements.splice(0, planeElements.length, ...keep);
  }

  return dropped ? (await moddle.toXML(definitions, { format: true })).xml : xml;
}

async function verify(inputXml, outputXml, file) {
  const problems = [];
  const notes = [];

  const { rootElement: definitions, warnings } = await parse(outputXml, 'output');
  if (warnings.length) {
    problems.push(`output re-parse has ${warnings.length} warning(s):\n${warningText(warnings)}`);
  }

  // strict (plain, attribute by attribute) and typed (as the Modeler sees it)
  for (const typed of [ false, true ]) {
    if (await semanticXml(inputXml, typed) !== await semanticXml(outputXml, typed)) {
      problems.push(`semantic model changed by the layout round trip (${typed ? 'typed' : 'plain'} comparison of the non-bpmndi part; see --stdout output)`);
    }
  }

  const diByElement = new Map();
  for (const diagram of definitions.get('diagrams') || []) {
    for (const di of diagram.plane.get('planeElement') || []) {
      if (di.bpmnElement) {
        diByElement.set(di.bpmnElement.id, di);
      }
    }
  }

  const proc = definitions.get('rootElements').find(e => is(e, 'bpmn:Process'));
  for (const el of allFlowElements(proc)) {
    const di = diByElement.get(el.id);
    if (is(el, 'bpmn:SequenceFlow')) {
      if (!di || !is(di, 'bpmndi:BPMNEdge')) problems.push(`no BPMNEdge for sequence flow ${el.id}`);
    } else if (is(el, 'bpmn:FlowNode')) {
      if (!di || !is(di, 'bpmndi:BPMNShape')) problems.push(`no BPMNShape for ${el.$type} ${el.id}`);
      else if (is(el, 'bpmn:SubProcess') && !di.isExpanded) problems.push(`sub-process ${el.id} is not expanded`);
    } else if (!di && !is(el, 'bpmn:DataObject')) {
      notes.push(`no DI for ${el.$type} ${el.id} (not laid out by bpmn-auto-layout)`);
    }
  }

  // artifacts (text annotations, associations, groups) are not laid out
  const artifacts = [];
  const collectArtifacts = (c) => {
    artifacts.push(...(c.get('artifacts') || []));
    (c.get('flowElements') || []).filter(e => is(e, 'bpmn:SubProcess')).forEach(collectArtifacts);
  };
  collectArtifacts(proc);
  for (const a of artifacts) {
    if (!diByElement.has(a.id)) notes.push(`no DI for ${a.$type} ${a.id} (artifacts are not laid out; re-attach in the Modeler)`);
  }

  return { problems, notes };
}

async function layoutFile(file, { stdout }) {
  const inputXml = await readFile(file, 'utf8');

  const { seeded, elements, subProcesses } = await seedXml(inputXml, file);

  const outputXml = (await dropNonVisualDi(await layoutProcess(seeded))).replace(/\s*$/, '\n');

  const { problems, notes } = await verify(inputXml, outputXml, file);

  for (const n of notes) console.error(`${file}: note: ${n}`);

  if (problems.length) {
    throw new Error(`${file}: layout result rejected, file left unchanged:\n` + problems.map(p => '  - ' + p).join('\n'));
  }

  if (stdout) {
    process.stdout.write(outputXml);
  } else {
    await writeFile(file, outputXml, 'utf8');
  }

  const nodes = elements.filter(e => is(e, 'bpmn:FlowNode')).length;
  const flows = elements.filter(e => is(e, 'bpmn:SequenceFlow')).length;
  console.error(`${file}: laid out ${nodes} flow nodes, ${flows} sequence flows, ` +
    `${subProcesses.length} expanded sub-process(es)${stdout ? ' (written to stdout)' : ' (written in place)'}`);
}

async function main() {
  const args = process.argv.slice(2);
  const stdout = args.includes('--stdout');
  const files = args.filter(a => !a.startsWith('--'));

  if (!files.length || args.includes('--help')) {
    console.error(`usage: node ${path.relative(process.cwd(), new URL(import.meta.url).pathname)} [--stdout] FILE.bpmn...`);
    process.exit(files.length ? 0 : 2);
  }

  let failed = 0;
  for (const file of files) {
    try {
      await layoutFile(file, { stdout });
    } catch (err) {
      failed++;
      console.error(err.message || err);
    }
  }
  process.exit(failed ? 1 : 0);
}

main();
