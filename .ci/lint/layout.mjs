#!/usr/bin/env node
// Dev tool: (re)generate the diagram interchange (bpmndi) of BPMN files.
//
//   node .ci/lint/layout.mjs processes/foo.bpmn [more.bpmn ...]
//   node .ci/lint/layout.mjs --stdout processes/foo.bpmn   # print, don't write
//
// Needs `npm ci --prefix .ci/lint` first.
//
// Each file is laid out and written back in place. Existing (possibly stale)
// DI is thrown away and rebuilt; only the bpmndi part of the file changes.
//
// Layout (ELK "layered", elkjs), drawn the way a process designer would:
//  * left to right; the main flow ("happy path": the longest path from the
//    start event, loops left out) on one straight line, in the process and in
//    every sub-process;
//  * other branches leave gateways/activities from the top or bottom corner
//    (shorter ones, e.g. alternative ends, above; larger ones below; branches
//    off a branch further away from the main line) and rejoin merge gateways
//    from the side they come from;
//  * loops back to an earlier step leave and enter from the top (on or above
//    the main line) or from the bottom (below it) and run around the nodes;
//  * embedded sub-processes (incl. event sub-processes, transactions) are laid
//    out EXPANDED, bottom-up: the content first, then the sub-process is a
//    fixed-size node of its parent with its main line aligned to the parent's;
//  * boundary events sit on the bottom border of their host (right part),
//    their flows leave downwards (or loop back below the host);
//  * sequence flows are orthogonal and start/end on the shape outline (corners
//    of gateways, the circle of events);
//  * labels of events/gateways below the shape where that place is free (else
//    next to it), labels of flows next to the flow near its source; a label is
//    put where it overlaps no shape, label or flow if there is such a place.
// ELK's crossing minimisation is randomised; for each container several seeds
// (and two ways of assigning sides) are tried and the layout with the fewest
// crossings / detours / wrong-side branches is kept. Results are deterministic.
//
// Also:
//  * Refuses models it cannot lay out: collaborations (pools / message flows),
//    lanes, more than one process.
//  * Verifies the result before writing: it re-parses with bpmn-moddle plus the
//    Camunda 7 descriptor (camunda-bpmn-moddle) without warnings, the semantic
//    model (everything except bpmndi, including all camunda:* attributes and
//    extension elements) is unchanged, and every flow node and sequence flow
//    has a shape/edge. If a check fails, the file is left untouched (exit 1).
//  * Artifacts (text annotations, associations, groups) are not laid out.
//
// The file is read and written with a plain bpmn-moddle (no Camunda
// descriptor): camunda:* attributes and <camunda:...> extension elements then
// survive as untyped XML and are written back verbatim (the typed moddle would
// e.g. drop camunda attributes that equal their default, such as
// camunda:calledElementBinding="latest"), which the semantic check confirms.

import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

import { BpmnModdle } from 'bpmn-moddle';
import ELK from 'elkjs/lib/elk.bundled.js';

const require = createRequire(import.meta.url);
const camundaDescriptor = require('camunda-bpmn-moddle/resources/camunda.json');

// typed: with the Camunda 7 descriptor (as Camunda Modeler reads the file);
// plain: without it (camunda:* stay untyped XML and are written back verbatim).
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

// ================================================================ layout
// ---------------------------------------------------------------- text metrics
// advance widths of Arial / Liberation Sans (1/1000 em) for ASCII 32..126;
// bpmn-js renders external labels in 11px Arial, wrapped at 90px, line height 1.2
const ARIAL = [278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584];
const FONT_SIZE = 11, LINE_HEIGHT = 13.2, LABEL_WRAP = 90;

function textWidth(s) {
  let w = 0;
  for (const c of s) w += ARIAL[c.charCodeAt(0) - 32] || 556;
  return w * FONT_SIZE / 1000;
}

/** size of an external label as bpmn-js lays it out (wrapped at 90px) */
function labelSize(text) {
  const lines = [];
  for (const para of String(text).split(/\r?\n/)) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const cand = line ? line + ' ' + word : word;
      if (line && textWidth(cand) > LABEL_WRAP) { lines.push(line); line = word; } else line = cand;
    }
    lines.push(line);
  }
  return {
    width: Math.ceil(Math.min(LABEL_WRAP, Math.max(...lines.map(textWidth)))) + 1,
    height: Math.ceil(lines.length * LINE_HEIGHT)
  };
}

// ---------------------------------------------------------------- geometry
const SUBPROCESS_PADDING = { top: 40, left: 30, bottom: 35, right: 30 };

function shapeSize(el) {
  if (is(el, 'bpmn:Event')) return { width: 36, height: 36 };
  if (is(el, 'bpmn:Gateway')) return { width: 50, height: 50 };
  if (is(el, 'bpmn:DataObjectReference')) return { width: 36, height: 50 };
  if (is(el, 'bpmn:DataStoreReference')) return { width: 50, height: 50 };
  return { width: 100, height: 80 };
}

const hasExternalLabel = (el) => !!el.name && (is(el, 'bpmn:Event') || is(el, 'bpmn:Gateway') ||
  is(el, 'bpmn:DataObjectReference') || is(el, 'bpmn:DataStoreReference'));

// ---------------------------------------------------------------- analysis

/**
 * Analyse one container (process or sub-process): back edges, the happy path
 * (longest path from the first start event), which side (above -1 / main 0 /
 * below +1) each node is drawn on and through which side (W/E/N/S) each flow
 * leaves its source and enters its target.
 */
function analyse(container, variant = {}) {
  const flowEls = container.get('flowElements') || [];
  // (data object / store references: no sequence flows, placed by ELK as separate parts)
  const nodes = flowEls.filter(e => is(e, 'bpmn:FlowNode') && !is(e, 'bpmn:BoundaryEvent') ||
    is(e, 'bpmn:DataObjectReference') || is(e, 'bpmn:DataStoreReference'));
  const boundaries = flowEls.filter(e => is(e, 'bpmn:BoundaryEvent'));
  const flows = flowEls.filter(e => is(e, 'bpmn:SequenceFlow'));
  const host = (n) => is(n, 'bpmn:BoundaryEvent') ? n.attachedToRef : n;
  const nodeIds = new Set(nodes.map(n => n.id));
  const docIndex = new Map(flowEls.map((e, i) => [e.id, i]));

  const out = new Map(nodes.map(n => [n.id, []]));
  const inc = new Map(nodes.map(n => [n.id, []]));
  for (const f of flows) {
    const s = host(f.sourceRef), t = f.targetRef;
    if (!s || !t || !nodeIds.has(s.id) || !nodeIds.has(t.id)) {
      throw new Error(`sequence flow ${f.id} leaves its container; cannot lay out`);
    }
    out.get(s.id).push(f);
    inc.get(t.id).push(f);
  }

  const isStart = (n) => !inc.get(n.id).length;
  const starts = nodes.filter(isStart).sort((a, b) =>
    (is(b, 'bpmn:StartEvent') - is(a, 'bpmn:StartEvent')) || docIndex.get(a.id) - docIndex.get(b.id));

  // back edges by DFS from the start nodes; prefer flows from tasks/gateways
  // over boundary event flows so that those are the ones reversed
  const state = new Map(), back = new Set();
  const dfs = (n) => {
    state.set(n.id, 1);
    const outs = [ ...out.get(n.id) ].sort((a, b) =>
      is(a.sourceRef, 'bpmn:BoundaryEvent') - is(b.sourceRef, 'bpmn:BoundaryEvent'));
    for (const f of outs) {
      const t = f.targetRef, s = state.get(t.id);
      if (s === 1) back.add(f.id); else if (!s) dfs(t);
    }
    state.set(n.id, 2);
  };
  starts.forEach(n => state.get(n.id) || dfs(n));
  nodes.forEach(n => state.get(n.id) || dfs(n));

  // happy path: longest path (in nodes) over forward flows, not via boundary events
  const memo = new Map();
  const longest = (n) => {
    if (memo.has(n.id)) return memo.get(n.id);
    let best = { len: 1, next: null };
    for (const f of out.get(n.id)) {
      if (back.has(f.id) || is(f.sourceRef, 'bpmn:BoundaryEvent')) continue;
      const r = longest(f.targetRef);
      // (ties: the first flow in document order)
      if (r.len + 1 > best.len) best = { len: r.len + 1, next: f };
    }
    memo.set(n.id, best);
    return best;
  };
  const happyFlows = new Set(), happyNodes = new Set();
  let happyStart = null;
  if (starts.length) {
    // the start node with the longest path
    happyStart = starts.reduce((a, b) => longest(b).len > longest(a).len ? b : a);
    let n = happyStart;
    happyNodes.add(n.id);
    for (let r; (r = longest(n)).next; n = r.next.targetRef) {
      happyFlows.add(r.next.id);
      happyNodes.add(r.next.targetRef.id);
    }
  }

  // topological order of the forward graph (Kahn; ties: document order)
  const indeg = new Map(nodes.map(n => [n.id, 0]));
  for (const f of flows) if (!back.has(f.id)) indeg.set(f.targetRef.id, indeg.get(f.targetRef.id) + 1);
  const topo = [];
  const ready = nodes.filter(n => !indeg.get(n.id));
  while (ready.length) {
    ready.sort((a, b) => docIndex.get(a.id) - docIndex.get(b.id));
    const n = ready.shift();
    topo.push(n);
    for (const f of out.get(n.id)) {
      if (back.has(f.id)) continue;
      indeg.set(f.targetRef.id, indeg.get(f.targetRef.id) - 1);
      if (!indeg.get(f.targetRef.id)) ready.push(f.targetRef);
    }
  }

  // sides: happy nodes 0; a branch leaving the main line goes above (-1) or below (+1)
  const side = new Map([ ...happyNodes ].map(id => [ id, 0 ]));
  const srcSide = new Map(); // flow id -> exit side at the source: E | N | S | B (boundary event)
  for (const n of topo) {
    if (!side.has(n.id)) {
      // reached from a node with a side already (topological order)
      const f = inc.get(n.id).find(f => !back.has(f.id) && srcSide.has(f.id));
      let s = 1;
      if (f) {
        const ss = srcSide.get(f.id);
        s = ss === 'N' ? -1 : ss === 'S' || ss === 'B' ? 1 : side.get(host(f.sourceRef).id) || 1;
      }
      side.set(n.id, s);
    }
    const my = side.get(n.id);
    const outs = out.get(n.id).filter(f => !is(f.sourceRef, 'bpmn:BoundaryEvent'));
    const fwd = outs.filter(f => !back.has(f.id));
    let straight = fwd.find(f => happyFlows.has(f.id));
    if (!straight && my !== 0) {
      // off the main line: continue to the right, preferably to a node not placed yet
      // (the longest branch, so that shorter ones and loops branch off it)
      const pref = (f) => (side.has(f.targetRef.id) ? (side.get(f.targetRef.id) === 0 ? 2 : 1) : 0);
      straight = [ ...fwd ].sort((x, y) => pref(x) - pref(y) || longest(y.targetRef).len - longest(x.targetRef).len)[0];
    }
    const others = fwd.filter(f => f !== straight);
    if (straight) srcSide.set(straight.id, 'E');
    if (my === 0) {
      // branches off the main line: short ones (alternative ends) above, larger below
      // (variant.bypass: flows that rejoin the main line go above)
      const bypass = (f) => variant.bypass && happyNodes.has(f.targetRef.id);
      const weight = (f) => longest(f.targetRef).len;
      const rest = others.filter(f => !bypass(f));
      const sorted = [ ...rest ].sort((a, b) => weight(a) - weight(b) || docIndex.get(a.id) - docIndex.get(b.id));
      const nAbove = Math.floor(sorted.length / 2);
      sorted.forEach((f, i) => srcSide.set(f.id, i < nAbove ? 'N' : 'S'));
      others.filter(bypass).forEach(f => srcSide.set(f.id, 'N'));
    } else {
      // off the main line: branch further away from it
      others.forEach(f => srcSide.set(f.id, my < 0 ? 'N' : 'S'));
    }
    // loops back: above for nodes on or above the main line, below otherwise
    for (const f of outs.filter(f => back.has(f.id))) srcSide.set(f.id, my > 0 ? 'S' : 'N');
  }
  for (const b of boundaries) for (const f of b.get('outgoing') || []) srcSide.set(f.id, 'B');

  // entry side at the target
  const tgtSide = new Map();
  for (const f of flows) {
    const s = host(f.sourceRef), t = f.targetRef;
    const ex = srcSide.get(f.id);
    if (s === t) {
      // self loop (ELK routes these itself): out on the right, over the top,
      // in from above; from a boundary event: down, left, into the left side
      if (ex !== 'B') srcSide.set(f.id, 'E');
      tgtSide.set(f.id, ex === 'B' ? 'W' : 'N');
    } else if (back.has(f.id)) {
      // loop back: in from below / above; into the left side of a host of
      // boundary events (keeps clear of them)
      const hasBoundaries = boundaries.some(b => b.attachedToRef === t);
      tgtSide.set(f.id, hasBoundaries ? 'W' : ex === 'B' || ex === 'S' ? 'S' : 'N');
    } else if (happyFlows.has(f.id) || !is(t, 'bpmn:Gateway')) {
      tgtSide.set(f.id, 'W');
    } else {
      const ss = side.get(s.id), ts = side.get(t.id);
      if (ss === ts) tgtSide.set(f.id, ex === 'N' || ex === 'S' ? ex : 'W');
      else if (ts === 0 || Math.abs(ss) > Math.abs(ts)) tgtSide.set(f.id, ss < ts ? 'N' : 'S');
      else tgtSide.set(f.id, 'W');
    }
  }

  return { nodes, boundaries, flows, back, happyFlows, happyNodes, side, topo, srcSide, tgtSide, host, happyStart };
}

// ---------------------------------------------------------------- ELK graph

const ELK_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.cycleBreaking.strategy': 'DEPTH_FIRST',
  'elk.layered.compaction.postCompaction.strategy': 'LEFT',
  'elk.layered.thoroughness': 10,
  'elk.spacing.nodeNode': 35,
  'elk.layered.spacing.nodeNodeBetweenLayers': 50,
  'elk.spacing.edgeNode': 25,
  'elk.spacing.edgeEdge': 15,
  'elk.layered.spacing.edgeNodeBetweenLayers': 25,
  'elk.layered.spacing.edgeEdgeBetweenLayers': 15,
  'elk.spacing.labelNode': 6,
  'elk.spacing.edgeLabel': 4,
  'elk.spacing.labelLabel': 4,
  'elk.layered.mergeEdges': false,
  'elk.padding': '[top=0,left=0,bottom=0,right=0]'
};

// layouts tried per container (ELK's crossing minimisation is randomised);
// the one with the best score is kept
const SEEDS = [ 1, 2, 3, 4, 5, 6, 7, 8 ];

const ELK_SIDE = { W: 'WEST', E: 'EAST', N: 'NORTH', S: 'SOUTH' };

function buildElkGraph(a, inner, seed, extraOptions = {}) {
  const children = [];
  // model order: nodes above the main line first, then the main line, then below
  const topoIndex = new Map(a.topo.map((n, i) => [ n.id, i ]));
  const order = [ ...a.topo ].sort((x, y) => a.side.get(x.id) - a.side.get(y.id) || topoIndex.get(x.id) - topoIndex.get(y.id));
  for (const n of order) {
    let { width, height } = shapeSize(n);
    let inY = height / 2, outY = height / 2;
    const sub = inner.get(n.id);
    if (sub) {
      width = sub.width + SUBPROCESS_PADDING.left + SUBPROCESS_PADDING.right;
      height = sub.height + SUBPROCESS_PADDING.top + SUBPROCESS_PADDING.bottom;
      if (sub.inY != null) inY = sub.inY + SUBPROCESS_PADDING.top;
      if (sub.outY != null) outY = sub.outY + SUBPROCESS_PADDING.top;
    }
    const ports = [];
    const addPort = (id, side, x, y) => ports.push({
      id, width: 0, height: 0, x, y, layoutOptions: { 'elk.port.side': ELK_SIDE[side] }
    });
    addPort(`${n.id}#W`, 'W', 0, inY);
    addPort(`${n.id}#E`, 'E', width, outY);
    addPort(`${n.id}#N`, 'N', width / 2, 0);
    addPort(`${n.id}#S`, 'S', width / 2, height);
    // boundary events: on the bottom border, towards the right end; the ones
    // whose flows loop back further left
    const bs = a.boundaries.filter(b => b.attachedToRef === n);
    const loops = (b) => (b.get('outgoing') || []).some(f => a.back.has(f.id));
    bs.sort((x, y) => loops(y) - loops(x));
    const gap = Math.max(44, Math.min(125, (width - 40) / bs.length));
    const span = (bs.length - 1) * gap;
    const first = width - 45 - span >= 18 ? width - 45 - span : Math.max(0, (width - span) / 2);
    bs.forEach((b, i) => {
      const x = first + i * gap;
      const p = { id: `${b.id}#B`, width: 0, height: 0, x, y: height, layoutOptions: { 'elk.port.side': 'SOUTH' } };
      if (b.name) {
        const ls = labelSize(b.name);
        p.labels = [ { text: b.name, width: ls.width, height: ls.height + 18 } ];
      }
      ports.push(p);
    });
    const node = {
      id: n.id, width, height, ports, labels: [],
      layoutOptions: {
        'elk.portConstraints': 'FIXED_POS',
        'elk.portLabels.placement': 'OUTSIDE',
        'elk.nodeLabels.placement': 'OUTSIDE V_BOTTOM H_CENTER'
      }
    };
    if (hasExternalLabel(n)) {
      const ls = labelSize(n.name);
      node.labels.push({ text: n.name, width: ls.width, height: ls.height });
    }
    children.push(node);
  }

  const edges = a.flows.map(f => {
    const s = a.host(f.sourceRef), t = f.targetRef;
    const ss = a.srcSide.get(f.id), ts = a.tgtSide.get(f.id);
    const sp = ss === 'B' ? `${f.sourceRef.id}#B` : `${s.id}#${ss}`;
    const tp = `${t.id}#${ts}`;
    // loops are given to ELK reversed (so the graph is acyclic)
    const rev = a.back.has(f.id) && s !== t;
    const e = { id: f.id, sources: [ rev ? tp : sp ], targets: [ rev ? sp : tp ], layoutOptions: {} };
    if (f.name) {
      // reserves room next to the source; the label is placed later
      const ls = labelSize(f.name);
      e.labels = [ { text: f.name, width: ls.width, height: ls.height,
        layoutOptions: { 'elk.edgeLabels.placement': rev ? 'HEAD' : 'TAIL' } } ];
    }
    if (a.happyFlows.has(f.id)) {
      e.layoutOptions['elk.layered.priority.straightness'] = 20;
      e.layoutOptions['elk.layered.priority.direction'] = 20;
    } else if (ss === 'E' && ts === 'W') {
      e.layoutOptions['elk.layered.priority.straightness'] = 2;
    }
    return e;
  });

  return {
    id: 'root', children, edges,
    layoutOptions: { ...ELK_OPTIONS, 'elk.randomSeed': seed, ...extraOptions }
  };
}

// ---------------------------------------------------------------- scoring

function segments(pts) {
  const out = [];
  for (let i = 1; i < pts.length; i++) out.push([ pts[i - 1], pts[i] ]);
  return out;
}

function hvCross([ a, b ], [ c, d ]) {
  const ah = Math.abs(a.y - b.y) < 0.5, ch = Math.abs(c.y - d.y) < 0.5;
  if (ah === ch) return false;
  if (!ah) [ a, b, c, d ] = [ c, d, a, b ];
  const y = a.y, x = c.x;
  const [ ax0, ax1 ] = [ Math.min(a.x, b.x), Math.max(a.x, b.x) ];
  const [ cy0, cy1 ] = [ Math.min(c.y, d.y), Math.max(c.y, d.y) ];
  return ax0 + 0.5 < x && x < ax1 - 0.5 && cy0 + 0.5 < y && y < cy1 - 0.5;
}

function segHitsBox([ p, q ], b, shrink = 1) {
  const x0 = b.x + shrink, x1 = b.x + b.width - shrink, y0 = b.y + shrink, y1 = b.y + b.height - shrink;
  if (Math.abs(p.y - q.y) < 0.5) {
    const lo = Math.min(p.x, q.x), hi = Math.max(p.x, q.x);
    return y0 < p.y && p.y < y1 && lo < x1 && hi > x0;
  }
  if (Math.abs(p.x - q.x) < 0.5) {
    const lo = Math.min(p.y, q.y), hi = Math.max(p.y, q.y);
    return x0 < p.x && p.x < x1 && lo < y1 && hi > y0;
  }
  // diagonal: bounding box test
  return Math.min(p.x, q.x) < x1 && Math.max(p.x, q.x) > x0 && Math.min(p.y, q.y) < y1 && Math.max(p.y, q.y) > y0;
}

function scoreLayout(a, res) {
  const shapes = new Map(res.children.map(c => [ c.id, c ]));
  const edges = res.edges.map(e => {
    const s = e.sections[0];
    return { id: e.id, pts: [ s.startPoint, ...(s.bendPoints || []), s.endPoint ] };
  });
  let wrong = 0, crossings = 0, through = 0, bends = 0, length = 0, spread = 0;
  const main = a.happyStart && shapes.get(a.happyStart.id);
  const mainY = main ? main.y + main.height / 2 : 0;
  for (const n of a.nodes) {
    const s = shapes.get(n.id), sd = a.side.get(n.id);
    const cy = s.y + s.height / 2;
    if (main && (sd < 0 && cy > mainY + 1 || sd > 0 && cy < mainY - 1)) wrong++;
    if (main && a.happyNodes.has(n.id) && Math.abs(cy - mainY) > 1) wrong++;
    if (main) spread += Math.abs(cy - mainY);
  }
  // flows leaving upwards/downwards to a node below/above (or entering so)
  for (const f of a.flows) {
    const s = shapes.get(a.host(f.sourceRef).id), t = shapes.get(f.targetRef.id);
    const sy = s.y + s.height / 2, ty = t.y + t.height / 2;
    const ex = a.srcSide.get(f.id), en = a.tgtSide.get(f.id);
    if (a.back.has(f.id)) continue;
    if (ex === 'B' && ty - t.height / 2 < s.y + s.height + 18) wrong++;
    if (ex === 'N' && ty > sy + 1 || ex === 'S' && ty < sy - 1) wrong++;
    if (en === 'N' && sy > ty + 1 || en === 'S' && sy < ty - 1) wrong++;
  }
  const segs = edges.map(e => segments(e.pts));
  for (let i = 0; i < segs.length; i++) {
    bends += edges[i].pts.length - 2;
    for (const [ p, q ] of segs[i]) length += Math.abs(p.x - q.x) + Math.abs(p.y - q.y);
    for (let j = i + 1; j < segs.length; j++) {
      for (const s1 of segs[i]) for (const s2 of segs[j]) if (hvCross(s1, s2)) crossings++;
    }
    const f = a.flows.find(f => f.id === edges[i].id);
    const ends = new Set([ a.host(f.sourceRef).id, f.targetRef.id ]);
    for (const [ id, b ] of shapes) {
      if (ends.has(id)) continue;
      if (segs[i].some(s => segHitsBox(s, b))) through++;
    }
  }
  const area = (res.width || 0) * (res.height || 0);
  return wrong * 40 + crossings * 12 + through * 100 + bends * 2 + length / 100 + spread / 50 + area / 20000;
}

// ---------------------------------------------------------------- container layout

/**
 * Lay out one container; returns its content size and, relative to the
 * content origin, shape bounds, edge waypoints and label bounds for
 * everything inside (recursively).
 */
async function layoutContainer(elk, container) {
  const variants = [ {}, { bypass: true } ].map(v => analyse(container, v));
  const a0 = variants[0];
  const result = { shapes: new Map(), edges: new Map() };

  // lay out sub-processes first: they become fixed-size nodes here
  const inner = new Map();
  for (const n of a0.nodes) {
    if (is(n, 'bpmn:SubProcess')) inner.set(n.id, await layoutContainer(elk, n));
  }

  let res = null, best = Infinity, a = null, error = null;
  for (const v of variants) {
    for (const seed of SEEDS) {
      let r;
      try {
        r = await elk.layout(buildElkGraph(v, inner, seed));
      } catch (err) {
        // (some options, e.g. post compaction, fail on rare graphs: retry without)
        try {
          r = await elk.layout(buildElkGraph(v, inner, seed, { 'elk.layered.compaction.postCompaction.strategy': 'NONE' }));
        } catch (err2) {
          error = err2;
          continue;
        }
      }
      const sc = scoreLayout(v, r);
      if (sc < best - 1e-6) {
        best = sc;
        res = r;
        a = v;
      }
    }
  }
  if (!res) {
    throw new Error(`ELK could not lay out ${container.id}: ${error && error.message || error}`);
  }

  // collect
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  const grow = (x, y, w = 0, h = 0) => {
    minX = Math.min(minX, x); minY = Math.min(minY, y);
    maxX = Math.max(maxX, x + w); maxY = Math.max(maxY, y + h);
  };
  for (const c of res.children) {
    result.shapes.set(c.id, { x: c.x, y: c.y, width: c.width, height: c.height });
    grow(c.x, c.y, c.width, c.height);
    for (const l of c.labels || []) grow(c.x + l.x, c.y + l.y, l.width, l.height);
    for (const p of c.ports || []) {
      if (!p.id.endsWith('#B')) continue;
      const bid = p.id.slice(0, -2);
      const b = { x: c.x + p.x - 18, y: c.y + p.y - 18, width: 36, height: 36 };
      result.shapes.set(bid, b);
      grow(b.x, b.y, b.width, b.height);
      for (const l of p.labels || []) grow(c.x + p.x + l.x, c.y + p.y + l.y, l.width, l.height);
    }
    const sub = inner.get(c.id);
    if (sub) {
      const ox = c.x + SUBPROCESS_PADDING.left - sub.minX, oy = c.y + SUBPROCESS_PADDING.top - sub.minY;
      for (const [ id, s ] of sub.shapes) result.shapes.set(id, { ...s, x: s.x + ox, y: s.y + oy });
      for (const [ id, wps ] of sub.edges) result.edges.set(id, wps.map(p => ({ x: p.x + ox, y: p.y + oy })));
    }
  }
  for (const e of res.edges) {
    const s = e.sections[0];
    let pts = [ s.startPoint, ...(s.bendPoints || []), s.endPoint ].map(p => ({ x: p.x, y: p.y }));
    const f = a.flows.find(x => x.id === e.id);
    if (a.back.has(e.id) && a.host(f.sourceRef) !== f.targetRef) pts = pts.reverse();
    result.edges.set(e.id, pts);
    pts.forEach(p => grow(p.x, p.y));
    for (const l of e.labels || []) grow(l.x, l.y, l.width, l.height);
  }

  // y of the main line where it enters / leaves (for the host's ports)
  if (a.happyStart) {
    const s = result.shapes.get(a.happyStart.id);
    result.inY = s.y + s.height / 2 - minY;
    const l = result.shapes.get([ ...a.happyNodes ].pop());
    result.outY = l.y + l.height / 2 - minY;
  }
  if (!res.children.length) { // empty sub-process
    minX = minY = 0;
    maxX = 100; maxY = 40;
  }
  result.minX = minX; result.minY = minY;
  result.width = maxX - minX; result.height = maxY - minY;
  return result;
}

// ---------------------------------------------------------------- post-processing

/** drop duplicate and collinear waypoints */
function simplify(pts) {
  const out = [];
  for (const p of pts) {
    const q = { x: Math.round(p.x), y: Math.round(p.y) };
    const last = out[out.length - 1];
    if (last && last.x === q.x && last.y === q.y) continue;
    out.push(q);
  }
  for (let i = 1; i < out.length - 1;) {
    const [ a, b, c ] = [ out[i - 1], out[i], out[i + 1] ];
    if (a.x === b.x && b.x === c.x || a.y === b.y && b.y === c.y) out.splice(i, 1); else i++;
  }
  return out;
}

/** boundary event flows start at the event's bottom, not at its centre */
function fixBoundaryStarts(proc, shapes, edges) {
  const walk = (c) => (c.get('flowElements') || []).forEach(e => {
    if (is(e, 'bpmn:SubProcess')) walk(e);
    if (!is(e, 'bpmn:BoundaryEvent')) return;
    const b = shapes.get(e.id);
    for (const f of e.get('outgoing') || []) {
      const pts = edges.get(f.id);
      const cx = b.x + b.width / 2, bottom = b.y + b.height;
      if (pts.length > 1 && Math.abs(pts[1].x - cx) < 0.5 && pts[1].y >= bottom) {
        pts[0] = { x: cx, y: bottom };
      } else {
        pts.splice(0, 1, { x: cx, y: bottom }, { x: cx, y: bottom + 15 }, { x: pts[1].x, y: bottom + 15 });
      }
    }
  });
  walk(proc);
}

/**
 * A flow into an end node (or out of a start node) with a small jog: moves
 * that node so that the flow is straight, if the node is free to move.
 */
function straightenJogs(proc, shapes, edges) {
  const els = [];
  const parentOf = new Map();
  const walk = (c) => (c.get('flowElements') || []).forEach(e => {
    els.push(e);
    parentOf.set(e.id, c);
    if (is(e, 'bpmn:SubProcess')) walk(e);
  });
  walk(proc);
  const flowsOf = (n) => [ ...(n.get('incoming') || []), ...(n.get('outgoing') || []) ];
  const hasBoundary = (n) => els.some(e => is(e, 'bpmn:BoundaryEvent') && e.attachedToRef === n);
  const movable = (n) => n && !is(n, 'bpmn:SubProcess') && !is(n, 'bpmn:BoundaryEvent') &&
    !hasBoundary(n) && flowsOf(n).length === 1;
  for (const f of els.filter(e => is(e, 'bpmn:SequenceFlow'))) {
    const pts = edges.get(f.id);
    if (!pts || pts.length !== 4) continue;
    const [ p0, p1, p2, p3 ] = pts;
    const dy = p0.y - p3.y;
    if (!(p0.y === p1.y && p1.x === p2.x && p2.y === p3.y && p3.x > p0.x && dy !== 0 && Math.abs(dy) <= 10)) continue;
    for (const [ node, delta, idx ] of [ [ f.targetRef, dy, 3 ], [ f.sourceRef, -dy, 0 ] ]) {
      if (!movable(node)) continue;
      const s = shapes.get(node.id);
      const moved = { ...s, y: s.y + delta };
      const parent = parentOf.get(node.id);
      const clash = els.some(e => {
        const o = shapes.get(e.id);
        if (!o || e === node || e === parent) return false;
        return overlapArea({ x: moved.x - 5, y: moved.y - 5, width: moved.width + 10, height: moved.height + 10 }, o) > 0 &&
          !(is(e, 'bpmn:SubProcess') && o.x <= moved.x && o.y <= moved.y &&
            o.x + o.width >= moved.x + moved.width && o.y + o.height >= moved.y + moved.height);
      });
      if (clash) continue;
      shapes.set(node.id, moved);
      if (idx === 3) edges.set(f.id, [ p0, { x: p3.x, y: p0.y } ]);
      else edges.set(f.id, [ { x: p0.x, y: p3.y }, p3 ]);
      break;
    }
  }
}

// ---------------------------------------------------------------- labels

const overlapArea = (a, b) => Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

/**
 * Places the labels: of events and gateways below the shape if that place is
 * free, of flows next to their first segment; tries a list of candidate
 * places and takes the first that overlaps no shape, label or flow (else the
 * one overlapping least).
 */
function placeLabels(proc, shapes, edges) {
  const els = [];
  const parentOf = new Map();
  const walk = (c) => (c.get('flowElements') || []).forEach(e => {
    els.push(e);
    parentOf.set(e.id, c);
    if (is(e, 'bpmn:SubProcess')) walk(e);
  });
  walk(proc);

  // obstacles: shapes (sub-processes: their border and title), flow segments
  const boxes = [];
  for (const e of els) {
    const s = shapes.get(e.id);
    if (!s) continue;
    if (is(e, 'bpmn:SubProcess')) {
      const t = 3;
      boxes.push({ id: e.id, x: s.x - t, y: s.y - t, width: s.width + 2 * t, height: 2 * t });
      boxes.push({ id: e.id, x: s.x - t, y: s.y + s.height - t, width: s.width + 2 * t, height: 2 * t });
      boxes.push({ id: e.id, x: s.x - t, y: s.y - t, width: 2 * t, height: s.height + 2 * t });
      boxes.push({ id: e.id, x: s.x + s.width - t, y: s.y - t, width: 2 * t, height: s.height + 2 * t });
      boxes.push({ id: e.id, x: s.x + s.width / 2 - 100, y: s.y, width: 200, height: 25 }); // title
    } else {
      boxes.push({ id: e.id, ...s });
    }
  }
  const segs = [];
  for (const [ id, pts ] of edges) {
    for (const [ p, q ] of segments(pts)) {
      segs.push({ id, x: Math.min(p.x, q.x) - 1, y: Math.min(p.y, q.y) - 1,
        width: Math.abs(p.x - q.x) + 2, height: Math.abs(p.y - q.y) + 2 });
    }
  }
  const placed = [];
  const labels = new Map();

  const cost = (box) => {
    let c = 0;
    for (const b of boxes) c += overlapArea(box, b) * 10;
    for (const s of segs) c += overlapArea(box, s) * 5;
    for (const l of placed) c += overlapArea(box, l) * 10;
    return c;
  };
  const choose = (id, cands) => {
    let best = null, bestCost = Infinity;
    cands.forEach((b, i) => {
      const c = cost(b) + i * 0.01;
      if (c < bestCost) { best = b; bestCost = c; }
    });
    labels.set(id, best);
    placed.push(best);
  };

  // labels of events and gateways
  for (const e of els) {
    if (!hasExternalLabel(e) || !shapes.has(e.id)) continue;
    const s = shapes.get(e.id), { width: w, height: h } = labelSize(e.name);
    const cx = s.x + s.width / 2, cy = s.y + s.height / 2, bottom = s.y + s.height, top = s.y;
    const g = 5;
    const cands = [
      { x: cx - w / 2, y: bottom + g }, // below
      { x: cx + 6, y: bottom + g }, // below right (of a flow leaving downwards)
      { x: cx - 6 - w, y: bottom + g }, // below left
      { x: cx - w / 2, y: top - g - h }, // above
      { x: cx + 6, y: top - g - h }, // above right
      { x: cx - 6 - w, y: top - g - h }, // above left
      { x: s.x + s.width + g, y: bottom }, // right, low
      { x: s.x - g - w, y: bottom }, // left, low
      { x: s.x + s.width + g, y: top - h }, // right, high
      { x: s.x - g - w, y: top - h }, // left, high
      { x: cx - w / 2, y: bottom + g + 15 } // further below
    ].map(p => ({ ...p, width: w, height: h }));
    if (is(e, 'bpmn:BoundaryEvent')) {
      // keep clear of the host's border: right or left of the flow leaving downwards
      cands.splice(0, 3, { x: cx + 8, y: bottom + 3, width: w, height: h }, { x: cx - 8 - w, y: bottom + 3, width: w, height: h });
    }
    choose(e.id, cands);
  }

  // labels of sequence flows: next to the flow, near its source
  for (const e of els) {
    if (!is(e, 'bpmn:SequenceFlow') || !e.name || !edges.has(e.id)) continue;
    const pts = edges.get(e.id);
    const { width: w, height: h } = labelSize(e.name);
    const cands = [];
    const g = 4;
    // a place next to a stretch that another flow runs along too is ambiguous: used last
    const others = [ ...edges ].filter(([ oid ]) => oid !== e.id).flatMap(([ , o ]) => segments(o));
    const M = 12;
    const sharedV = (x, y0, y1) => others.some(([ p, q ]) => Math.abs(p.x - x) < 0.5 && Math.abs(q.x - x) < 0.5 &&
      Math.min(p.y, q.y) < y1 + M && Math.max(p.y, q.y) > y0 - M);
    const sharedH = (y, x0, x1) => others.some(([ p, q ]) => Math.abs(p.y - y) < 0.5 && Math.abs(q.y - y) < 0.5 &&
      Math.min(p.x, q.x) < x1 + M && Math.max(p.x, q.x) > x0 - M);
    const STEP = 10;
    segments(pts).forEach(([ p, q ], i) => {
      if (Math.abs(p.y - q.y) < 0.5) { // horizontal
        const dir = Math.sign(q.x - p.x) || 1;
        const len = Math.abs(q.x - p.x);
        for (let d = 8; d === 8 || d + w + 8 <= len; d += STEP) {
          const x = dir > 0 ? p.x + d : p.x - d - w;
          const sh = sharedH(p.y, x, x + w);
          cands.push({ x, y: p.y - g - h, seg: i, d, shared: sh }, { x, y: p.y + g, seg: i, d, shared: sh });
        }
      } else { // vertical
        const dir = Math.sign(q.y - p.y) || 1;
        const len = Math.abs(q.y - p.y);
        for (let d = 6; d === 6 || d + h + 6 <= len; d += STEP) {
          const y = dir > 0 ? p.y + d : p.y - d - h;
          const sh = sharedV(p.x, y, y + h);
          cands.push({ x: p.x + g + 1, y, seg: i, d, shared: sh }, { x: p.x - g - 1 - w, y, seg: i, d, shared: sh });
        }
      }
    });
    // near the source first
    cands.sort((a, b) => a.shared - b.shared || a.seg - b.seg || a.d - b.d);
    choose(e.id, cands.map(c => ({ x: c.x, y: c.y, width: w, height: h })));
  }
  return labels;
}

// ---------------------------------------------------------------- entry points

/** lays out proc; returns shapes, edges and labels (absolute bounds / waypoints) */
async function computeLayout(proc) {
  const elk = new ELK();
  const r = await layoutContainer(elk, proc);
  // shift so that the diagram starts at (160, 80), like a Modeler diagram
  const ox = 160 - r.minX, oy = 80 - r.minY;
  const shapes = new Map([ ...r.shapes ].map(([ id, s ]) => [ id, { ...s, x: s.x + ox, y: s.y + oy } ]));
  const edges = new Map([ ...r.edges ].map(([ id, w ]) => [ id, w.map(p => ({ x: p.x + ox, y: p.y + oy })) ]));
  fixBoundaryStarts(proc, shapes, edges);
  for (const [ id, pts ] of edges) edges.set(id, simplify(pts));
  straightenJogs(proc, shapes, edges);
  const labels = placeLabels(proc, shapes, edges);
  return { shapes, labels, edges };
}

/** writes DI for proc into definitions (replacing all diagrams) */
async function layoutDefinitions(moddle, definitions, proc) {
  const { shapes, labels, edges } = await computeLayout(proc);
  const byId = new Map();
  const walk = (c) => (c.get('flowElements') || []).forEach(e => {
    byId.set(e.id, e);
    if (is(e, 'bpmn:SubProcess')) walk(e);
  });
  walk(proc);
  const r = (v) => Math.round(v);
  const bounds = (b) => moddle.create('dc:Bounds', { x: r(b.x), y: r(b.y), width: r(b.width), height: r(b.height) });
  const planeElement = [];
  // document order: a shape's DI before the DI of anything drawn on top of it
  const order = [ ...byId.values() ];
  for (const el of order) {
    const s = shapes.get(el.id);
    if (!s || is(el, 'bpmn:BoundaryEvent')) continue;
    const di = moddle.create('bpmndi:BPMNShape', { id: `${el.id}_di`, bpmnElement: el, bounds: bounds(s) });
    if (is(el, 'bpmn:SubProcess')) di.isExpanded = true;
    if (labels.has(el.id)) di.label = moddle.create('bpmndi:BPMNLabel', { bounds: bounds(labels.get(el.id)) });
    planeElement.push(di);
  }
  for (const el of order) {
    if (!is(el, 'bpmn:BoundaryEvent') || !shapes.has(el.id)) continue;
    const di = moddle.create('bpmndi:BPMNShape', { id: `${el.id}_di`, bpmnElement: el, bounds: bounds(shapes.get(el.id)) });
    if (labels.has(el.id)) di.label = moddle.create('bpmndi:BPMNLabel', { bounds: bounds(labels.get(el.id)) });
    planeElement.push(di);
  }
  for (const el of order) {
    const wps = edges.get(el.id);
    if (!wps) continue;
    const di = moddle.create('bpmndi:BPMNEdge', {
      id: `${el.id}_di`, bpmnElement: el,
      waypoint: wps.map(p => moddle.create('dc:Point', { x: r(p.x), y: r(p.y) }))
    });
    if (labels.has(el.id)) di.label = moddle.create('bpmndi:BPMNLabel', { bounds: bounds(labels.get(el.id)) });
    planeElement.push(di);
  }
  const plane = moddle.create('bpmndi:BPMNPlane', { id: `BPMNPlane_${proc.id}`, bpmnElement: proc, planeElement });
  definitions.set('diagrams', [ moddle.create('bpmndi:BPMNDiagram', { id: `BPMNDiagram_${proc.id}`, plane }) ]);
}

// ================================================================ command line

/** Parses the input and checks that it is a model this tool can lay out. */
async function readModel(xml, file) {
  const { warnings } = await createModdle({ typed: true }).fromXML(xml);

  if (warnings.length) {
    throw new Error(`${file}: input does not parse cleanly with bpmn-moddle + camunda descriptor:\n${warningText(warnings)}`);
  }

  const moddle = createModdle({ typed: false });
  const { rootElement: definitions } = await moddle.fromXML(xml);

  const rootElements = definitions.get('rootElements');
  const processes = rootElements.filter(e => is(e, 'bpmn:Process'));
  const collaborations = rootElements.filter(e => is(e, 'bpmn:Collaboration'));

  if (processes.length !== 1) {
    throw new Error(`${file}: contains ${processes.length} bpmn:process elements; this tool lays out exactly one`);
  }
  if (collaborations.length) {
    throw new Error(`${file}: contains a bpmn:collaboration (pools/message flows); this tool does not lay those out`);
  }

  const [ proc ] = processes;
  const hasLanes = (c) => (c.get('laneSets') || []).some(ls => (ls.get('lanes') || []).length) ||
    (c.get('flowElements') || []).some(e => is(e, 'bpmn:SubProcess') && hasLanes(e));
  if (hasLanes(proc)) {
    throw new Error(`${file}: contains lanes; this tool does not lay out lanes`);
  }

  return { moddle, definitions, proc };
}

async function layoutFile(file, { stdout }) {
  const inputXml = await readFile(file, 'utf8');

  const { moddle, definitions, proc } = await readModel(inputXml, file);

  await layoutDefinitions(moddle, definitions, proc);

  const outputXml = (await moddle.toXML(definitions, { format: true })).xml.replace(/\s*$/, '\n');

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

  const elements = allFlowElements(proc);
  const nodes = elements.filter(e => is(e, 'bpmn:FlowNode')).length;
  const flows = elements.filter(e => is(e, 'bpmn:SequenceFlow')).length;
  const subProcesses = elements.filter(e => is(e, 'bpmn:SubProcess')).length;
  console.error(`${file}: laid out ${nodes} flow nodes, ${flows} sequence flows, ` +
    `${subProcesses} expanded sub-process(es)${stdout ? ' (written to stdout)' : ' (written in place)'}`);
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
      notes.push(`no DI for ${el.$type} ${el.id} (not laid out)`);
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
