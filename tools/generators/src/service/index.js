// Entry point Nx loads for `nx g @ambito/tools:service`. Nx (on Node 20, without swc-node or ts-node)
// does not transpile TypeScript plugins, so the generator's .ts sources are compiled on load with the
// workspace's TypeScript (transpile only: `tsc -p tools/generators/tsconfig.json` type-checks them).
const fs = require('node:fs');

if (!require.extensions['.ts']) {
  const ts = require('typescript');
  require.extensions['.ts'] = (module, filename) => {
    const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
      fileName: filename,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
        inlineSourceMap: true,
      },
    });
    module._compile(outputText, filename);
  };
}

module.exports = require('./generator.ts');
