// Test helper (outside the app's layers): scans source text for imports and global names and
// reports which ones break a layer's rule. Used by boundaries.test.ts; has no rules of its own.
import { posix } from 'node:path';

/** What one layer (a folder under src/) may import and which globals it must not touch. */
export interface LayerRule {
  /** Folder under src/, e.g. 'raft'. */
  layer: string;
  /** Files this row covers (repo-relative, '/'-separated); the first matching row wins. */
  appliesTo: RegExp;
  /** Other layers this one may import; its own folder is always allowed. */
  mayImportLayers: readonly string[];
  /** Layers that may be imported only through their index (src/<layer> or src/<layer>/index). */
  onlyThroughIndex: readonly string[];
  /** When set, the only package specifiers allowed (e.g. [] for none at all). */
  onlyPackages?: readonly RegExp[];
  /** Package specifiers this layer must never import. */
  forbiddenPackages: readonly RegExp[];
  /** Layers this one may import types from but no values (`import type`, `export type`). */
  typesOnlyFrom?: readonly string[];
  /** Packages that may be imported only by leaf modules: files that import no component (.tsx). */
  leafOnlyPackages?: readonly RegExp[];
  /** Global names this layer must not use (outside comments and strings). */
  forbiddenGlobals: readonly ForbiddenGlobal[];
  /** Why the rule exists; printed with every violation. */
  why: string;
}

export interface ForbiddenGlobal {
  name: string;
  pattern: RegExp;
}

/** A bare global such as `window`, not a property (`node.window`) nor an object key (`window:`). */
export function bareGlobal(name: string): ForbiddenGlobal {
  return { name, pattern: new RegExp(`(?<![\\w$.])${name}(?![\\w$])(?!\\s*\\??:)`, 'g') };
}

/** A member of a global such as `Math.random` or `Date.now`. */
export function globalMember(object: string, member: string): ForbiddenGlobal {
  return {
    name: `${object}.${member}`,
    pattern: new RegExp(`(?<![\\w$.])${object}\\s*\\.\\s*${member}(?![\\w$])`, 'g'),
  };
}

export const isTestFile = (filePath: string): boolean =>
  /\.(test|spec)\.[cm]?[jt]sx?$/.test(filePath);

/**
 * Blanks comments (and, unless keepStrings, string and template text) with spaces, keeping
 * newlines and offsets, so later regexes see only code. Template `${…}` stays code.
 * Regex literals are not recognised; a quote inside one may blank the rest of its line.
 */
export function blankNonCode(text: string, keepStrings: boolean): string {
  const out = text.split('');
  const templateDepths: number[] = [];
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  let i = 0;
  let inTemplate = false;
  while (i < text.length) {
    const c = text[i];
    const next = text[i + 1];
    if (inTemplate) {
      const start = i;
      while (i < text.length && text[i] !== '`' && !(text[i] === '$' && text[i + 1] === '{')) {
        i += text[i] === '\\' ? 2 : 1;
      }
      if (!keepStrings) blank(start, Math.min(i, text.length));
      // Either the template ends or a `${` expression starts: both continue as code.
      if (text[i] !== '`') templateDepths.push(0);
      inTemplate = false;
      i += text[i] === '`' ? 1 : 2;
    } else if (c === '/' && next === '/') {
      const end = text.indexOf('\n', i);
      const stop = end === -1 ? text.length : end;
      blank(i, stop);
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? text.length : end + 2;
      blank(i, stop);
      i = stop;
    } else if (c === "'" || c === '"') {
      const start = i + 1;
      i = start;
      while (i < text.length && text[i] !== c && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
      if (!keepStrings) blank(start, Math.min(i, text.length));
      i += 1;
    } else if (c === '`') {
      inTemplate = true;
      i += 1;
    } else {
      const depth = templateDepths.length - 1;
      if (c === '{' && depth >= 0) templateDepths[depth]! += 1;
      if (c === '}' && depth >= 0) {
        if (templateDepths[depth] === 0) {
          templateDepths.pop();
          inTemplate = true;
        } else templateDepths[depth]! -= 1;
      }
      i += 1;
    }
  }
  return out.join('');
}

export interface ImportSite {
  specifier: string;
  line: number;
  /** `import type …` / `export type …`, or every named binding marked `type`: erased at build. */
  typeOnly: boolean;
}

const importPatterns = [
  /\b(?:import|export)\s[^;'"`]*?\bfrom\s*(['"])([^'"\n]+)\1/g, // import x from '…' (multi-line)
  /\bimport\s*(['"])([^'"\n]+)\1/g, // import '…' (side effect)
  /\bimport\s*\(\s*(['"])([^'"\n]+)\1\s*\)/g, // import('…'), also in type positions
  /\brequire\s*\(\s*(['"])([^'"\n]+)\1\s*\)/g, // require('…')
];

/** Whether an import or re-export statement brings in types alone. */
function isTypeOnly(statement: string): boolean {
  if (/^(?:import|export)\s+type\b/.test(statement)) return true;
  const braces = /^(?:import|export)\s*\{([^}]*)\}\s*from\b/.exec(statement);
  if (!braces) return false;
  const names = braces[1]!
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  return names.length > 0 && names.every((n) => n.startsWith('type '));
}

const lineAt = (text: string, index: number) => text.slice(0, index).split('\n').length;

/** Every module specifier the text imports or re-exports, with its line number. */
export function findImports(fileText: string): ImportSite[] {
  const code = blankNonCode(fileText, true);
  const sites = new Map<number, ImportSite>();
  for (const pattern of importPatterns) {
    for (const match of code.matchAll(pattern)) {
      const specifier = match[2]!;
      const at = match.index + match[0].lastIndexOf(specifier);
      sites.set(at, { specifier, line: lineAt(code, at), typeOnly: isTypeOnly(match[0]) });
    }
  }
  return [...sites.entries()].sort(([a], [b]) => a - b).map(([, site]) => site);
}

/** The layer a repo-relative path lies in: the folder under src/, or a description. */
export function layerOf(filePath: string): string {
  const parts = filePath.split('/');
  if (parts[0] !== 'src') return `outside src (${filePath})`;
  const [, folder = ''] = parts;
  // 'src/sim' (a folder import) is the sim layer; 'src/main.ts' is a file in src itself.
  if (folder === '' || (parts.length === 2 && /\.[cm]?[jt]sx?$/.test(folder))) return 'src root';
  return folder;
}

/** The rule row covering a file, if any. */
export function ruleFor(filePath: string, rules: readonly LayerRule[]): LayerRule | undefined {
  return rules.find((rule) => rule.appliesTo.test(filePath));
}

/**
 * Violations of the file's layer rule, one readable line each; [] when it is clean.
 * Test files keep the layer direction but may import test packages and use any global.
 */
export function findViolations(
  filePath: string,
  fileText: string,
  rules: readonly LayerRule[],
): string[] {
  const rule = ruleFor(filePath, rules);
  if (!rule) return [`${filePath}: no layer rule covers this file`];
  const testFile = isTestFile(filePath);
  const violations: string[] = [];
  const report = (line: number, what: string) =>
    violations.push(`${filePath}:${line} ${what} — ${rule.why}`);

  const imports = findImports(fileText);
  const importsComponent = imports.some(
    ({ specifier }) => specifier.startsWith('.') && /(^|\/)[A-Z][\w]*(\.tsx)?$/.test(specifier),
  );
  for (const { specifier, line, typeOnly } of imports) {
    if (specifier.startsWith('.')) {
      const target = posix.normalize(posix.join(posix.dirname(filePath), specifier));
      const targetLayer = layerOf(target);
      if (targetLayer === rule.layer) continue;
      if (!testFile && !typeOnly && rule.typesOnlyFrom?.includes(targetLayer)) {
        report(
          line,
          `imports values from '${specifier}' (${targetLayer}); src/${rule.layer} may import only its types`,
        );
      } else if (!rule.mayImportLayers.includes(targetLayer)) {
        report(line, `imports '${specifier}' (${targetLayer}), which src/${rule.layer} may not`);
      } else if (!testFile && rule.onlyThroughIndex.includes(targetLayer)) {
        const bare = target.replace(/\.[cm]?[jt]sx?$/, '');
        const viaIndex = bare === `src/${targetLayer}` || bare === `src/${targetLayer}/index`;
        if (!viaIndex) report(line, `imports '${specifier}': use src/${targetLayer}'s index`);
      }
    } else if (!testFile) {
      const notAllowed = rule.onlyPackages && !rule.onlyPackages.some((p) => p.test(specifier));
      if (notAllowed || rule.forbiddenPackages.some((p) => p.test(specifier))) {
        report(line, `imports package '${specifier}', which src/${rule.layer} may not`);
      } else if (importsComponent && rule.leafOnlyPackages?.some((p) => p.test(specifier))) {
        report(
          line,
          `imports package '${specifier}' but renders other components: only leaf components may`,
        );
      }
    }
  }

  if (!testFile) {
    const code = blankNonCode(fileText, false);
    for (const global of rule.forbiddenGlobals) {
      for (const match of code.matchAll(global.pattern)) {
        report(lineAt(code, match.index), `uses ${global.name}`);
      }
    }
  }
  return violations;
}
