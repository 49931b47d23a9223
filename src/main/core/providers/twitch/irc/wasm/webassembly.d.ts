// The part of the WebAssembly JS API the line scanner uses. TypeScript declares WebAssembly only in lib.dom, which
// the main process (lib ES2023 + @types/node) does not load; Node and Electron's main process have it all.
declare namespace WebAssembly {
  class Module {
    constructor(bytes: ArrayBufferView | ArrayBuffer);
  }
  class Instance {
    constructor(module: Module, imports?: Record<string, Record<string, unknown>>);
    readonly exports: Record<string, unknown>;
  }
  class Memory {
    readonly buffer: ArrayBuffer;
  }
  class Global {
    readonly value: unknown;
  }
}
