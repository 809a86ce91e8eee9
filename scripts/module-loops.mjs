#!/usr/bin/env node
// Checks that the modules of a crate import one another without a loop (ARCHITECTURE.md
// §Invariants): each source file is a module; an edge A → B is any path in A that names B,
// `crate::b::…`, `super::b::…`, `self::b::…` (braces included), or `b::…` for a module `b` that
// A declares with `mod b;`; a path to an item of the crate root (`crate::Status`) is an edge to
// the root. Comments, strings and the `#[cfg(test)] mod tests` at the end of a file are left
// out: tests may reach back. `main.rs` and `bin/` are crates of their own and are skipped.
//
//   scripts/module-loops.mjs                      the app's, the core's, the command line's, the collector's and xlsform's crates
//   scripts/module-loops.mjs crates/cli/src …     these source directories
//   scripts/module-loops.mjs --edges …            also print every edge
//
// Prints each loop (a set of modules that reach one another), each module of the app's model
// (`src/state`) that imports the edge, the effects or the views, and each module that imports the
// crate root (`lib.rs` declares, re-exports and dispatches; what modules share lives in a module),
// and exits 1 when there is one.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const args = process.argv.slice(2);
const printEdges = args.includes('--edges');
const dirs = args.filter((a) => a !== '--edges');
if (dirs.length === 0) dirs.push('src', 'crates/core/src', 'crates/cli/src', 'crates/collector/src', 'crates/xlsform/src');

// Loops known and being broken, each with why it is still here: printed, not failed on. Keep
// this list empty; an entry names the issue that removes it.
const known = new Map([]);

function files(dir, top = dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return relative(top, path) === 'bin' ? [] : files(path, top);
    return name.endsWith('.rs') ? [path] : [];
  });
}

/** `a/b.rs` → `a::b`; `lib.rs` → `crate` (the root). */
function moduleOf(root, path) {
  const rel = relative(root, path).replace(/\.rs$/, '').split(sep);
  return rel.length === 1 && rel[0] === 'lib' ? 'crate' : rel.join('::');
}

/** The code of a file without comments, string and char literals, or its test module. */
function code(text) {
  const at = text.search(/#\[cfg\(test\)\]\s*mod\s+tests\b/);
  if (at >= 0) text = text.slice(0, at);
  // One pass from left to right, so that a quote inside a comment or a `//` inside a string
  // is read as what it is.
  let out = '';
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i, i + 3);
    const raw = /^(?:b?r)(#*)"/.exec(text.slice(i, i + 10));
    if (rest.startsWith('//')) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
    } else if (rest.startsWith('/*')) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
      out += ' ';
    } else if (raw && !/\w/.test(text[i - 1] ?? '')) {
      const close = `"${raw[1]}`;
      const end = text.indexOf(close, i + raw[0].length);
      i = end < 0 ? text.length : end + close.length;
      out += '""';
    } else if (text[i] === '"') {
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      i++;
      out += '""';
    } else if (/^'(?:[^'\\\n]|\\[^\n]+?)'/.test(text.slice(i, i + 12))) {
      // A char literal ('a', '\n', '\u{1F600}'); a lifetime ('a, 'static) has no closing quote.
      i = text.indexOf("'", i + 2) + 1;
      out += "' '";
    } else {
      out += text[i];
      i++;
    }
  }
  return out;
}

/** Every path a file names, as segments, with `use` braces expanded one level. */
function paths(src) {
  const found = [];
  const braced = /\b((?:(?:crate|super|self|\w+)::)+)\{([^{}]*)\}/g;
  for (const m of src.matchAll(braced)) {
    for (const part of m[2].split(',')) {
      const tail = part.trim().split(/\s+as\s+/)[0];
      if (tail) found.push((m[1] + tail).split('::').filter(Boolean));
    }
  }
  for (const m of src.replace(braced, ' ').matchAll(/\b(?:\w+::)+\w+/g)) {
    found.push(m[0].split('::'));
  }
  return found;
}

let loops = 0;
for (const root of dirs) {
  const modules = new Map();
  for (const path of files(root)) {
    if (relative(root, path) === 'main.rs') continue;
    modules.set(moduleOf(root, path), readFileSync(path, 'utf8'));
  }
  const edges = new Map([...modules.keys()].map((m) => [m, new Set()]));
  for (const [mod, text] of modules) {
    const here = mod === 'crate' ? [] : mod.split('::');
    const src = code(text);
    const children = new Set([...src.matchAll(/\bmod\s+(\w+)\s*;/g)].map((m) => m[1]));
    for (const segs of paths(src)) {
      let base;
      let rest = segs;
      if (segs[0] === 'crate') [base, rest] = [[], segs.slice(1)];
      else if (segs[0] === 'self') [base, rest] = [here, segs.slice(1)];
      else if (segs[0] === 'super') {
        base = [...here];
        while (rest[0] === 'super') [base, rest] = [base.slice(0, -1), rest.slice(1)];
      } else if (children.has(segs[0])) base = here;
      else continue; // another crate's path (std::, phieu_core::, axum::…)
      const full = [...base, ...rest];
      // The longest prefix that is a module of this crate is what the path names.
      let target = 'crate';
      for (let n = full.length; n > 0; n--) {
        const name = full.slice(0, n).join('::');
        if (modules.has(name)) {
          target = name;
          break;
        }
      }
      if (target !== mod) edges.get(mod).add(target);
    }
  }
  if (printEdges) {
    for (const [from, to] of edges) for (const t of [...to].sort()) console.log(`${root}: ${from} -> ${t}`);
  }
  // Tarjan's strongly connected components: any with two modules or more is a loop.
  let index = 0;
  const stack = [];
  const info = new Map();
  const strong = (v) => {
    info.set(v, { index, low: index, on: true });
    index++;
    stack.push(v);
    for (const w of edges.get(v)) {
      if (!info.has(w)) {
        strong(w);
        info.get(v).low = Math.min(info.get(v).low, info.get(w).low);
      } else if (info.get(w).on) info.get(v).low = Math.min(info.get(v).low, info.get(w).index);
    }
    if (info.get(v).low === info.get(v).index) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        info.get(w).on = false;
        component.push(w);
      } while (w !== v);
      if (component.length > 1) {
        const members = new Set(component);
        const inside = component.flatMap((a) => [...edges.get(a)].filter((b) => members.has(b)).map((b) => `${a} -> ${b}`));
        const name = `${root}: ${component.sort().join(', ')}`;
        const why = known.get(name.replace(/\/$/, ''));
        if (why) {
          console.log(`${root}: known import loop (${why}) among ${component.join(', ')}: ${inside.sort().join('; ')}`);
        } else {
          loops++;
          console.log(`${root}: import loop among ${component.join(', ')}: ${inside.sort().join('; ')}`);
        }
      }
    }
  };
  for (const v of edges.keys()) if (!info.has(v)) strong(v);
  for (const [from, to] of edges) {
    if (from !== 'crate' && to.has('crate')) {
      loops++;
      console.log(`${root}: ${from} imports the crate root (crate::Item): move what it needs into a module`);
    }
  }
  // The app's model is plain Rust (ARCHITECTURE.md §Invariants): `state` and its modules name
  // nothing of the browser edge, the effects or the views.
  for (const [from, to] of edges) {
    if (root.replace(/\/$/, '') !== 'src' || !(from === 'state' || from.startsWith('state::'))) continue;
    for (const t of to) {
      if (/^(edge|effects|pages|components|app|embed)(::|$)/.test(t)) {
        loops++;
        console.log(`${root}: ${from} imports ${t}: the model must not name the browser or the views`);
      }
    }
  }
  const count = [...edges.values()].reduce((n, s) => n + s.size, 0);
  console.log(`${root}: ${modules.size} modules, ${count} imports between them`);
}
if (loops > 0) {
  console.log(`${loops} import loop(s) or imports of the crate root`);
  process.exit(1);
}
console.log('no import loop');
