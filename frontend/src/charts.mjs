// Draws the page's Vega-Lite charts. Each chart is an element with data-vega-spec naming a
// <script type="application/json"> element that holds its spec; the data table printed beside
// it on the server stays the complete record, so a page without JavaScript loses nothing.
//
// Vega's expressions are evaluated by vega-interpreter (ast: true), never compiled with eval or
// Function, so the strict Content Security Policy holds. vega-embed's own stylesheet and the
// tooltip's are injected <style> elements, which that policy forbids: both are turned off and
// their rules live in charts.css.
import { expressionInterpreter } from "./vega-interpreter.mjs";

const options = {
  actions: false,
  ast: true,
  expr: expressionInterpreter,
  renderer: "svg",
  defaultStyle: false,
  tooltip: { disableDefaultStyle: true, theme: "light" },
};

function specOf(element) {
  const source = document.getElementById(element.dataset.vegaSpec);
  if (!source) return null;
  try {
    return JSON.parse(source.textContent);
  } catch {
    return null;
  }
}

for (const element of document.querySelectorAll("[data-vega-spec]")) {
  const spec = specOf(element);
  if (!spec || typeof window.vegaEmbed !== "function") continue;
  window
    .vegaEmbed(element, spec, options)
    .then(() => element.classList.add("assure-chart--drawn"))
    .catch((error) => console.warn("chart not drawn:", error));
}
