// @ts-check
// The entry point of a worker that runs one of Broadsheet's TypeScript modules from the source
// (threads/worker.ts starts it): registers tsx's loader, which Node 20 does not carry into workers,
// then imports the module, which finds its job in workerData. argv: tsx's ES module API, the module.
const [tsx, module] = process.argv.slice(2)
if (tsx === undefined || module === undefined) throw new Error('ts-worker.js: give the tsx API and the module to run')
const api = /** @type {{register: () => unknown}} */ (await import(tsx))
api.register()
await import(module)
