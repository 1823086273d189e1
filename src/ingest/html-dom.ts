/**
 * The few DOM members the HTML adapter uses, declared structurally so the
 * rest of the code does not depend on linkedom's types (which lean on the
 * browser DOM typings this project does not load).
 */

/** A DOM node as linkedom gives it. */
export interface DomNode {
  readonly nodeType: number
  readonly nodeName: string
  readonly nodeValue: string | null
  readonly textContent: string | null
  readonly parentNode: DomNode | null
  readonly childNodes: ArrayLike<DomNode>
}

/** A DOM element as linkedom gives it. */
export interface DomElement extends DomNode {
  readonly tagName: string
  readonly localName: string
  readonly children: ArrayLike<DomElement>
  readonly parentElement: DomElement | null
  getAttribute(name: string): string | null
  hasAttribute(name: string): boolean
  setAttribute(name: string, value: string): void
  removeAttribute(name: string): void
  querySelector(selector: string): DomElement | null
  querySelectorAll(selector: string): ArrayLike<DomElement>
  remove(): void
  replaceWith(...nodes: string[]): void
}

/** A parsed document as linkedom gives it. */
export interface DomDocument {
  readonly documentElement: DomElement | null
  readonly body: DomElement | null
  querySelector(selector: string): DomElement | null
  querySelectorAll(selector: string): ArrayLike<DomElement>
}

export const ELEMENT_NODE = 1
export const TEXT_NODE = 3

/** True for element nodes. */
export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE
}
