// jsdom without the fetch classes that react-router's data router uses for navigation; Node's own
// Request/Response/Headers (and its AbortController, whose signals Node's Request accepts) fill in.
const { TestEnvironment } = require('jest-environment-jsdom');

const FROM_NODE = ['Request', 'Response', 'Headers', 'FormData', 'AbortController', 'AbortSignal'];

class JsdomWithFetchClasses extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of FROM_NODE) this.global[name] = globalThis[name];
  }
}

module.exports = JsdomWithFetchClasses;
