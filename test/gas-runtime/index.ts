// The offline Apps Script runtime: fakes of the services the CCHC add-on uses, one call counter
// and simulated clock per runtime, google.script.run rules, and loading the built bundle.
//
//   const rt = createRuntime({ now: '2024-10-01', spreadsheet: { sheets: { 'Kế hoạch': rows } } });
//   const { run } = loadAddon({ runtime: rt });            // dist/Code.js in a fresh vm context
//   run('getSidebarData');                                 // as google.script.run would
//   rt.calls.count('Range.getValues');                     // service calls made
//
// Cross-realm: values handed to the bundle are host-realm objects; in bundle code detect Dates
// with Object.prototype.toString.call(v) === '[object Date]' (see spreadsheet.ts).

export * from './core.ts';
export * from './a1.ts';
export * from './formats.ts';
export * from './blob.ts';
export * from './spreadsheet-builders.ts';
export * from './ui.ts';
export * from './spreadsheet.ts';
export * from './html-service.ts';
export * from './document-model.ts';
export * from './document-app.ts';
export * from './drive-app.ts';
export * from './properties.ts';
export * from './cache.ts';
export * from './lock.ts';
export * from './session.ts';
export * from './utilities.ts';
export * from './script-app.ts';
export * from './url-fetch.ts';
export * from './mail-app.ts';
export * from './google-apis.ts';
export * from './logger.ts';
export * from './runtime.ts';
export * from './script-run.ts';
export * from './load-addon.ts';
export * from './gas-types.ts';
