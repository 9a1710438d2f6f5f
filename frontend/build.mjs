// Builds Assure's static assets into assure/core/static/assure/ (not committed; `make assets`).
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "assure", "core", "static", "assure");
const modules = join(here, "node_modules");

// Published bundles end with a sourceMappingURL comment naming a .map file that Assure does not
// ship; collectstatic's manifest storage (production) follows such names and fails on the missing
// file, so the comment is left out of the copy.
const sourceMapComment = /(\/\/# sourceMappingURL=\S+|\/\*# sourceMappingURL=\S+ \*\/)[ \t]*$/gm;
function copyScript(from, to) {
  writeFileSync(to, readFileSync(from, "utf8").replace(sourceMapComment, ""));
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const css = sass.compile(join(here, "src", "assure.scss"), {
  loadPaths: [modules],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import"],
});
writeFileSync(join(out, "assure.css"), css.css);

copyScript(join(modules, "govuk-frontend", "dist", "govuk", "govuk-frontend.min.js"), join(out, "govuk-frontend.min.js"));
cpSync(join(here, "src", "assure.mjs"), join(out, "assure.mjs"));
copyScript(join(modules, "htmx.org", "dist", "htmx.min.js"), join(out, "htmx.min.js"));
// Charts: Vega-Lite specs drawn by vega-embed (see src/charts.mjs). vega-interpreter evaluates
// Vega's expressions without eval/Function, so the Content Security Policy needs no
// 'unsafe-eval'; its one bare import is pointed at the vega build already loaded on the page.
const charts = join(out, "charts");
mkdirSync(charts, { recursive: true });
copyScript(join(modules, "vega", "build", "vega.min.js"), join(charts, "vega.min.js"));
copyScript(join(modules, "vega-lite", "build", "vega-lite.min.js"), join(charts, "vega-lite.min.js"));
copyScript(join(modules, "vega-embed", "build", "vega-embed.min.js"), join(charts, "vega-embed.min.js"));
const interpreter = readFileSync(join(modules, "vega-interpreter", "build", "vega-interpreter.js"), "utf8");
const bareImport = /^import \{([^}]*)\} from 'vega-util';$/m;
if (!bareImport.test(interpreter)) throw new Error("vega-interpreter's imports changed: update build.mjs");
writeFileSync(
  join(charts, "vega-interpreter.mjs"),
  interpreter.replace(bareImport, (_, names) => `const {${names}} = globalThis.vega;`).replace(sourceMapComment, ""),
);
cpSync(join(here, "src", "charts.mjs"), join(charts, "charts.mjs"));
const chartsCss = sass.compile(join(here, "src", "charts.scss"), { loadPaths: [modules], style: "compressed", quietDeps: true });
writeFileSync(join(charts, "charts.css"), chartsCss.css);
// Images only (favicons); the fonts folder holds GDS Transport, which Assure must not ship.
mkdirSync(join(out, "assets", "images"), { recursive: true });
cpSync(join(here, "images"), join(out, "assets", "images"), { recursive: true });

// Every file the built assets name (CSS url(), source maps) must have been built too: otherwise
// collectstatic with the production storage fails and so does every page. Catch it here.
function* files(folder) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}
const missing = [];
for (const file of files(out)) {
  if (!/\.(css|m?js)$/.test(file)) continue;
  const text = readFileSync(file, "utf8");
  if (text.includes("sourceMappingURL=")) missing.push(`${relative(out, file)}: sourceMappingURL`);
  if (!file.endsWith(".css")) continue;
  for (const [, url] of text.matchAll(/url\(["']?([^"')]+)["']?\)/g)) {
    if (/^(data:|#|https?:)/.test(url)) continue;
    const target = url.startsWith("/static/assure/") ? join(out, url.slice("/static/assure/".length)) : join(dirname(file), url);
    if (!existsSync(target.split(/[?#]/)[0])) missing.push(`${relative(out, file)}: ${url}`);
  }
}
if (missing.length) throw new Error(`built assets name files that were not built:\n${missing.join("\n")}`);

// axe-core is used by the browser tests, never served to users.
mkdirSync(join(here, "dist"), { recursive: true });
cpSync(join(modules, "axe-core", "axe.min.js"), join(here, "dist", "axe.min.js"));
console.log("assets built in", out);
