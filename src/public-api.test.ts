/**
 * Every type a public signature uses is exported from the same entry, so a consumer can name it (the
 * options of a function, what it returns, the members of those, and so on down). Walks each entry's
 * exports with the TypeScript checker: interfaces, type aliases, classes (public members), functions
 * (parameters and return types) and annotated constants, following every named type declared in this
 * package. What each entry exports by name is pinned in `public-api.test-d.ts`; the built package is
 * checked in `package.test.ts`.
 *
 * Also: the core and the adapters use no global that Node or the web platform lacks (`process`, `Buffer`,
 * `self`, `postMessage`…) outside the few feature-detected places listed.
 */
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const ENTRIES = {
  'react-bulk-invite': 'src/index.ts',
  'react-bulk-invite/core': 'src/core/index.ts',
  'react-bulk-invite/testing': 'src/core/testing/index.ts',
  'react-bulk-invite/intake/worker': 'src/core/intake/worker.ts',
} as const;
/** Types an entry may leave to another, which its users import too (the test tools and the worker's messages use the core's types). */
const ALSO_FROM: Partial<Record<keyof typeof ENTRIES, keyof typeof ENTRIES>> = {
  'react-bulk-invite/testing': 'react-bulk-invite/core',
  'react-bulk-invite/intake/worker': 'react-bulk-invite/core',
};

/**
 * Named types a consumer never needs to name: bases that only lend their members to an exported type
 * (`CheckedRow extends RowFields`: a `CheckedRow` has them all).
 */
const UNNAMED_BASES = new Set(['RowFields']);

/**
 * Globals that not every platform has, each used only where it is feature-detected or where the platform
 * is certain. Nothing else in the core and the adapters may name one.
 */
const PLATFORM_GLOBALS_ALLOWED: Record<string, string[]> = {
  // `typeof globalThis.setImmediate === 'function' ? … : setTimeout`
  'src/core/testing/virtual-clock.ts': ['setImmediate'],
  // The worker module itself: it runs in a Web Worker only.
  'src/core/intake/worker.ts': ['self', 'onmessage', 'Worker'],
  // `typeof Worker !== 'undefined'` before `new Worker(…)`; `worker: () => Worker`.
  'src/core/draft/draft.ts': ['Worker'],
};

const isTest = (file: string) => /\.(test|test-d)\.tsx?$/.test(file);

/** The entries, the core (as tsconfig.core.json lists it) and the adapters, compiled with tsconfig.core.json's options. */
function createProgram(): ts.Program {
  const config = ts.getParsedCommandLineOfConfigFile(`${root}tsconfig.core.json`, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  const adapters = ts.sys.readDirectory(`${root}src/adapters`, ['.ts']).filter((file) => !isTest(file));
  return ts.createProgram([...Object.values(ENTRIES).map((file) => `${root}${file}`), ...config.fileNames, ...adapters], { ...config.options, noEmit: true });
}

/** Where a global is declared: the ECMAScript library (everywhere), Node's types, or the Web Worker library. */
function platformsOf(declarations: readonly ts.Declaration[]): { everywhere: boolean; node: boolean; web: boolean; global: boolean } {
  const files = declarations.map((d) => d.getSourceFile().fileName);
  const node = files.some((f) => /\/node_modules\/(@types\/node|undici-types)\//.test(f));
  const web = files.some((f) => /\/typescript\/lib\/lib\.webworker[.a-z]*\.d\.ts$/.test(f));
  const everywhere = files.some((f) => /\/typescript\/lib\/lib\.(es|decorators)[^/]*\.d\.ts$/.test(f));
  return { everywhere, node, web, global: everywhere || node || web };
}

/**
 * `name (file:line)` for each runtime use, in the core's and the adapters' own code, of a global that Node or the
 * web platform lacks: Node's `process` or `Buffer`, a worker's `self` or `postMessage`. tsconfig.core.json
 * keeps the DOM out, but @types/papaparse pulls Node's types in and the Web Worker library has
 * worker-only names, so tsc alone would not see them.
 */
function platformOnlyGlobals(program: ts.Program): string[] {
  const checker = program.getTypeChecker();
  const found: string[] = [];
  for (const file of program.getSourceFiles()) {
    const path = file.fileName.slice(root.length);
    if (!isOwn(file) || !/^src\/(core|adapters)\//.test(path) || isTest(path)) continue;
    const visit = (node: ts.Node): void => {
      // What runs, not what is typed (a type in a public signature is the consumer test's business).
      if (ts.isTypeNode(node) || ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) return;
      // A global itself (`process`, `globalThis.Buffer`), not a member of something (`x.pid`).
      const member = (id: ts.Identifier) =>
        ts.isPropertyAccessExpression(id.parent) && id.parent.name === id && !/^(globalThis|self)$/.test(id.parent.expression.getText());
      if (ts.isIdentifier(node) && !member(node)) {
        const declarations = checker.getSymbolAtLocation(node)?.declarations ?? [];
        const where = platformsOf(declarations);
        const ownDeclaration = declarations.some((d) => isOwn(d.getSourceFile()));
        if (where.global && !ownDeclaration && !where.everywhere && !(where.node && where.web) && !PLATFORM_GLOBALS_ALLOWED[path]?.includes(node.text)) {
          found.push(`${node.text}: ${where.node ? 'Node only' : 'Web only'} (${path}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1})`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return [...new Set(found)];
}

const isOwn = (file: ts.SourceFile) => !file.fileName.includes('/node_modules/') && file.fileName.startsWith(root);
const isPrivate = (node: ts.Node) =>
  (ts.canHaveModifiers(node) && ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.PrivateKeyword || m.kind === ts.SyntaxKind.ProtectedKeyword)) ||
  ((ts.isPropertyDeclaration(node) || ts.isMethodDeclaration(node)) && ts.isPrivateIdentifier(node.name));

/** The names of this package's types that `entry`'s public surface uses but does not export. */
function unexportedTypes(program: ts.Program, name: keyof typeof ENTRIES): string[] {
  const checker = program.getTypeChecker();
  const exportsOf = (entry: keyof typeof ENTRIES) => checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(`${root}${ENTRIES[entry]}`)!)!);
  const resolve = (symbol: ts.Symbol) => (symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol);
  const other = ALSO_FROM[name];
  const exported = new Set([...exportsOf(name), ...(other ? exportsOf(other) : [])].map(resolve));
  const seen = new Set<ts.Symbol>();
  const missing = new Map<string, string>();

  const visitSymbol = (symbol: ts.Symbol, usedBy: string) => {
    const target = resolve(symbol);
    if (seen.has(target)) return;
    const declarations = (target.declarations ?? []).filter((d) => isOwn(d.getSourceFile()));
    if (declarations.length === 0 || target.flags & ts.SymbolFlags.TypeParameter) return;
    seen.add(target);
    const named = target.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias | ts.SymbolFlags.Class | ts.SymbolFlags.Enum);
    if (named && !exported.has(target) && !UNNAMED_BASES.has(target.name)) {
      missing.set(target.name, `${target.name} (${declarations[0]!.getSourceFile().fileName.slice(root.length)}), used by ${usedBy}`);
    }
    for (const declaration of declarations) visitDeclaration(declaration, target.name);
  };

  /** Type nodes only: never initialisers or bodies. */
  const visitType = (node: ts.Node | undefined, usedBy: string): void => {
    if (!node) return;
    if (ts.isTypeReferenceNode(node)) {
      const symbol = checker.getSymbolAtLocation(ts.isQualifiedName(node.typeName) ? node.typeName.right : node.typeName);
      if (symbol) visitSymbol(symbol, usedBy);
    } else if (ts.isExpressionWithTypeArguments(node)) {
      const symbol = checker.getSymbolAtLocation(node.expression);
      if (symbol) visitSymbol(symbol, usedBy);
    }
    ts.forEachChild(node, (child) => visitType(child, usedBy));
  };

  const visitSignature = (node: ts.SignatureDeclaration, usedBy: string) => {
    for (const parameter of node.typeParameters ?? []) {
      visitType(parameter.constraint, usedBy);
      visitType(parameter.default, usedBy);
    }
    for (const parameter of node.parameters) visitType(parameter.type, usedBy);
    if (node.type) visitType(node.type, usedBy);
    else {
      // An inferred return type: follow what it names.
      const signature = checker.getSignatureFromDeclaration(node);
      const returned = signature && checker.getReturnTypeOfSignature(signature);
      const symbol = returned && (returned.aliasSymbol ?? returned.getSymbol());
      if (symbol) visitSymbol(symbol, usedBy);
    }
  };

  const visitDeclaration = (node: ts.Declaration, usedBy: string) => {
    if (ts.isInterfaceDeclaration(node) || ts.isClassDeclaration(node)) {
      for (const parameter of node.typeParameters ?? []) visitType(parameter.constraint, usedBy);
      for (const clause of node.heritageClauses ?? []) for (const type of clause.types) visitType(type, usedBy);
      for (const member of node.members as ts.NodeArray<ts.ClassElement | ts.TypeElement>) {
        if (isPrivate(member)) continue;
        if (ts.isPropertySignature(member) || ts.isPropertyDeclaration(member)) visitType(member.type, usedBy);
        else if (ts.isIndexSignatureDeclaration(member)) visitType(member.type, usedBy);
        else if (
          ts.isMethodSignature(member) ||
          ts.isMethodDeclaration(member) ||
          ts.isConstructorDeclaration(member) ||
          ts.isGetAccessorDeclaration(member) ||
          ts.isCallSignatureDeclaration(member)
        ) {
          visitSignature(member, usedBy);
        }
      }
    } else if (ts.isTypeAliasDeclaration(node)) {
      for (const parameter of node.typeParameters ?? []) visitType(parameter.constraint, usedBy);
      visitType(node.type, usedBy);
    } else if (ts.isFunctionDeclaration(node)) {
      visitSignature(node, usedBy);
    } else if (ts.isVariableDeclaration(node)) {
      visitType(node.type, usedBy);
    }
  };

  for (const symbol of exportsOf(name)) visitSymbol(symbol, symbol.name);
  return [...missing.values()].sort();
}

const program = createProgram();

describe('public entries', () => {
  it.each(Object.keys(ENTRIES) as (keyof typeof ENTRIES)[])('%s exports every type its exports use', (name) => {
    expect(unexportedTypes(program, name)).toEqual([]);
  });
});

describe('the core and the adapters run in Node, browsers and Web Workers', () => {
  it('use no global that only one of them has', () => {
    expect(platformOnlyGlobals(program)).toEqual([]);
  });
});
