// jsdom lacks a few browser APIs that antd uses.
import { TextDecoder, TextEncoder } from 'node:util';

if (!window.matchMedia) {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    configurable: true,
    value: (query: string): MediaQueryList => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }),
  });
}

class ResizeObserverStub implements ResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
if (!window.ResizeObserver) window.ResizeObserver = ResizeObserverStub;

// antd asks for pseudo-element styles (getComputedStyle(el, '::before')), which jsdom does not implement.
const getComputedStyleOriginal = window.getComputedStyle.bind(window);
window.getComputedStyle = (element: Element) => getComputedStyleOriginal(element);

// react-router reaches for these; older jsdom builds do not define them.
if (typeof globalThis.TextEncoder === 'undefined') {
  Object.assign(globalThis, { TextEncoder, TextDecoder });
}

// @rc-component/form batches watchers through MessageChannel, which jsdom lacks. A timer is the same
// kind of macrotask, and unlike node's MessageChannel it leaves no open handle behind.
type MessageHandler = ((event: MessageEvent) => void) | null;
class MessagePortStub {
  onmessage: MessageHandler = null;
  other: MessagePortStub | null = null;
  postMessage(data: unknown): void {
    const target = this.other;
    setTimeout(() => target?.onmessage?.(new MessageEvent('message', { data })), 0);
  }
  close(): void {
    this.onmessage = null;
  }
}
class MessageChannelStub {
  readonly port1 = new MessagePortStub();
  readonly port2 = new MessagePortStub();
  constructor() {
    this.port1.other = this.port2;
    this.port2.other = this.port1;
  }
}
if (typeof globalThis.MessageChannel === 'undefined') {
  Object.assign(globalThis, { MessageChannel: MessageChannelStub });
}

// antd renders slowly under jsdom on a busy 2-core machine; the default 5 s is too tight.
jest.setTimeout(20_000);
