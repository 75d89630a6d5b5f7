import {
  type DefaultTreeAdapterMap,
  Parser,
  type Token,
  type Tokenizer,
  type TreeAdapter,
  type TreeAdapterTypeMap,
} from 'parse5';
import { PipelineError } from '../errors.ts';

/**
 * Pages beyond these are refused before jsdom and Readability see them. Readability's cost grows
 * with depth × elements (2,200 nested divs held a thread for minutes) and jsdom needs kilobytes
 * per element (200,000 empty <b>s took gigabytes). The 24 real pages in the test corpus reach at
 * most depth 38 and 9,888 elements (see docs/reliability.md), so these leave ample margin.
 */
export const PAGE_LIMITS = {
  maxElements: 50_000,
  maxDepth: 200,
  /** Per tag. The HTML tokenizer checks each new attribute against the tag's others (quadratic). */
  maxAttributes: 200,
} as const;

export type PageLimits = { [K in keyof typeof PAGE_LIMITS]: number };

export interface PageComplexity {
  /** Elements the HTML parser creates (those of <template> contents included). */
  elements: number;
  /** Deepest element nesting; <html> is at depth 1. */
  maxDepth: number;
  /** Set when the scan stopped early: which limit was passed. */
  overLimit?: 'elements' | 'attributes';
}

/** Only what the complexity scan keeps of a node: its place in the tree. */
interface ShapeNode {
  tag: string;
  namespace: string;
  attrs: Token.Attribute[];
  parent: ShapeNode | null;
  /** A Set, so detaching and foster-parenting stay O(1) on hostile markup. */
  children: Set<ShapeNode>;
  content?: ShapeNode;
  isElement: boolean;
}

interface ShapeTypes extends TreeAdapterTypeMap {
  node: ShapeNode;
  parentNode: ShapeNode;
  childNode: ShapeNode;
  document: ShapeNode;
  documentFragment: ShapeNode;
  element: ShapeNode;
  commentNode: ShapeNode;
  textNode: ShapeNode;
  template: ShapeNode;
  documentType: ShapeNode;
}

class LimitPassed extends Error {
  constructor(readonly limit: 'elements' | 'attributes') {
    super(limit);
  }
}

function shapeNode(
  tag: string,
  isElement: boolean,
  namespace = '',
  attrs: Token.Attribute[] = [],
): ShapeNode {
  return { tag, namespace, attrs, parent: null, children: new Set(), isElement };
}

function detach(node: ShapeNode): void {
  node.parent?.children.delete(node);
  node.parent = null;
}

/**
 * A parse5 tree adapter that builds only the shape of the document (no text, no comments' data),
 * so the scan runs the real HTML tree-construction rules (the same parse5 that jsdom uses: the
 * adoption agency, foster parenting and implied end tags shape the tree exactly as jsdom will)
 * at a fraction of jsdom's cost, and stops as soon as the element limit is passed.
 */
function shapeAdapter(maxElements: number, counter: { elements: number }): TreeAdapter<ShapeTypes> {
  let documentMode: DefaultTreeAdapterMap['document']['mode'] = 'no-quirks' as never;
  const append = (parent: ShapeNode, node: ShapeNode) => {
    detach(node);
    parent.children.add(node);
    node.parent = parent;
  };
  return {
    createDocument: () => shapeNode('#document', false),
    createDocumentFragment: () => shapeNode('#document-fragment', false),
    createElement(tagName, namespaceURI, attrs) {
      counter.elements += 1;
      if (counter.elements > maxElements) throw new LimitPassed('elements');
      return shapeNode(tagName, true, namespaceURI, attrs);
    },
    createCommentNode: () => shapeNode('#comment', false),
    createTextNode: () => shapeNode('#text', false),
    appendChild: append,
    // Sibling order does not change depth or count, so "before" is the same as "into".
    insertBefore: (parent, node) => append(parent, node),
    setTemplateContent(template, content) {
      template.content = content;
    },
    getTemplateContent: (template) => template.content ?? shapeNode('#document-fragment', false),
    setDocumentType: () => undefined,
    setDocumentMode(_document, mode) {
      documentMode = mode;
    },
    getDocumentMode: () => documentMode,
    detachNode: detach,
    insertText: () => undefined,
    insertTextBefore: () => undefined,
    adoptAttributes(recipient, attrs) {
      const names = new Set(recipient.attrs.map((a) => a.name));
      for (const attr of attrs) if (!names.has(attr.name)) recipient.attrs.push(attr);
    },
    getFirstChild: (node) => node.children.values().next().value ?? null,
    getChildNodes: (node) => [...node.children],
    getParentNode: (node) => node.parent,
    getAttrList: (element) => element.attrs,
    getTagName: (element) => element.tag,
    getNamespaceURI: (element) => element.namespace as never,
    getTextNodeContent: () => '',
    getCommentNodeContent: () => '',
    getDocumentTypeNodeName: () => '',
    getDocumentTypeNodePublicId: () => '',
    getDocumentTypeNodeSystemId: () => '',
    isTextNode: (node): node is ShapeNode => node.tag === '#text',
    isCommentNode: (node): node is ShapeNode => node.tag === '#comment',
    isDocumentTypeNode: (_node): _node is ShapeNode => false,
    isElementNode: (node): node is ShapeNode => node.isElement,
    setNodeSourceCodeLocation: () => undefined,
    getNodeSourceCodeLocation: () => undefined,
    updateNodeSourceCodeLocation: () => undefined,
  };
}

/** The deepest element under `root`, walked without recursion (the tree may be thousands deep). */
function deepestElement(root: ShapeNode): number {
  let max = 0;
  const stack: [ShapeNode, number][] = [[root, 0]];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [node, depth] = entry;
    const here = node.isElement ? depth + 1 : depth;
    if (here > max) max = here;
    for (const child of node.children) stack.push([child, here]);
    if (node.content) stack.push([node.content, here]);
  }
  return max;
}

/** The tokenizer's hook for each finished attribute name; internal to parse5 (pinned). */
interface AttributeHook {
  currentToken: { attrs: unknown[] } | null;
  _leaveAttrName(): void;
}

/** Makes this tokenizer stop at a tag with more than `max` attributes. */
function limitAttributes(tokenizer: Tokenizer, max: number): void {
  const hook = tokenizer as unknown as AttributeHook;
  const leaveAttrName = hook._leaveAttrName;
  hook._leaveAttrName = function (this: AttributeHook) {
    if ((this.currentToken?.attrs.length ?? 0) >= max) throw new LimitPassed('attributes');
    leaveAttrName.call(this);
  };
}

/**
 * Counts the elements and measures the nesting depth of the DOM a page's HTML will produce,
 * without building that DOM. Stops at the first element or attribute past `limits`.
 */
export function measurePageComplexity(html: string, limits: PageLimits = PAGE_LIMITS): PageComplexity {
  const counter = { elements: 0 };
  try {
    // Scripting off, as in the DOMParser document extraction parses into (<noscript> is markup).
    const parser = new Parser<ShapeTypes>({
      treeAdapter: shapeAdapter(limits.maxElements, counter),
      scriptingEnabled: false,
    });
    limitAttributes(parser.tokenizer, limits.maxAttributes);
    parser.tokenizer.write(html, true);
    return { elements: counter.elements, maxDepth: deepestElement(parser.document) };
  } catch (error) {
    if (!(error instanceof LimitPassed)) throw error;
    return { elements: counter.elements, maxDepth: 0, overLimit: error.limit };
  }
}

/** Throws PAGE_TOO_COMPLEX for pages with too many elements or too deep a tree. */
export function assertPageIsSimple(html: string, limits: PageLimits = PAGE_LIMITS): PageComplexity {
  const complexity = measurePageComplexity(html, limits);
  if (complexity.overLimit === 'elements') {
    throw new PipelineError('PAGE_TOO_COMPLEX', { detail: `more than ${limits.maxElements} elements` });
  }
  if (complexity.overLimit === 'attributes') {
    throw new PipelineError('PAGE_TOO_COMPLEX', {
      detail: `a tag with more than ${limits.maxAttributes} attributes`,
    });
  }
  if (complexity.maxDepth > limits.maxDepth) {
    throw new PipelineError('PAGE_TOO_COMPLEX', {
      detail: `elements nested ${complexity.maxDepth} deep (limit ${limits.maxDepth})`,
    });
  }
  return complexity;
}
