// Builds Assure's static assets into assure/core/static/assure/ (not committed; `make assets`).
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "assure", "core", "static", "assure");
const modules = join(here, "node_modules");

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const css = sass.compile(join(here, "src", "assure.scss"), {
  loadPaths: [modules],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import"],
});
writeFileSync(join(out, "assure.css"), css.css);

cpSync(join(modules, "govuk-frontend", "dist", "govuk", "govuk-frontend.min.js"), join(out, "govuk-frontend.min.js"));
cpSync(join(here, "src", "assure.mjs"), join(out, "assure.mjs"));
cpSync(join(modules, "htmx.org", "dist", "htmx.min.js"), join(out, "htmx.min.js"));
// Images only (favicons); the fonts folder holds GDS Transport, which Assure must not ship.
mkdirSync(join(out, "assets", "images"), { recursive: true });
cpSync(join(here, "images"), join(out, "assets", "images"), { recursive: true });
// axe-core is used by the browser tests, never served to users.
mkdirSync(join(here, "dist"), { recursive: true });
cpSync(join(modules, "axe-core", "axe.min.js"), join(here, "dist", "axe.min.js"));
console.log("assets built in", out);
