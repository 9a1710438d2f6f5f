// The section editor's toolbar: progressive enhancement of a plain textarea. Without this file
// the textarea and its formatting help work as they are; with it, each button (or its keyboard
// shortcut) types the same marks a writer would type by hand, so the stored text stays the
// simple formatting richtext.py allows: **bold**, *italic*, # heading, - list, 1. list, [link](url).

const TOOLS = [
  { name: "bold", label: "Bold", key: "b", apply: (t) => wrap(t, "**", "**", "bold text") },
  { name: "italic", label: "Italic", key: "i", apply: (t) => wrap(t, "*", "*", "italic text") },
  { name: "heading", label: "Heading", apply: (t) => prefixLines(t, () => "# ", "Heading") },
  { name: "bullets", label: "Bulleted list", apply: (t) => prefixLines(t, () => "- ", "List item") },
  { name: "numbers", label: "Numbered list", apply: (t) => prefixLines(t, (i) => `${i + 1}. `, "List item") },
  { name: "link", label: "Link", key: "k", apply: (t) => wrap(t, "[", "](https://)", "link text") },
];

function replaceSelection(textarea, text, selectFrom, selectTo) {
  const start = textarea.selectionStart;
  textarea.setRangeText(text, start, textarea.selectionEnd, "end");
  textarea.setSelectionRange(start + selectFrom, start + selectTo);
  textarea.dispatchEvent(new Event("input", { bubbles: true }));
}

function wrap(textarea, before, after, placeholder) {
  const chosen = textarea.value.slice(textarea.selectionStart, textarea.selectionEnd) || placeholder;
  replaceSelection(textarea, before + chosen + after, before.length, before.length + chosen.length);
}

function prefixLines(textarea, prefix, placeholder) {
  // Work on whole lines: from the start of the first line chosen to the end of the last. A
  // heading or a list may follow a paragraph's last line directly (CommonMark).
  const value = textarea.value;
  const start = value.lastIndexOf("\n", textarea.selectionStart - 1) + 1;
  let end = value.indexOf("\n", Math.max(textarea.selectionEnd, start));
  if (end === -1) end = value.length;
  textarea.setSelectionRange(start, end);
  const chosen = value.slice(start, end);
  const lines = (chosen || placeholder).split("\n");
  const text = lines.map((line, i) => prefix(i) + line.replace(/^(#+ |- |\d+\. )/, "")).join("\n");
  // On an empty line the placeholder is selected, so what is typed next replaces it.
  replaceSelection(textarea, text, chosen ? 0 : prefix(0).length, text.length);
}

function enhance(textarea) {
  const toolbar = document.createElement("div");
  toolbar.className = "assure-editor-toolbar govuk-button-group govuk-!-margin-bottom-1";
  toolbar.setAttribute("role", "toolbar");
  toolbar.setAttribute("aria-label", "Formatting");
  toolbar.setAttribute("aria-controls", textarea.id);
  const buttons = TOOLS.map((tool, index) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "govuk-button govuk-button--secondary govuk-!-margin-bottom-1 govuk-!-margin-right-1";
    button.dataset.tool = tool.name;
    button.textContent = tool.label;
    if (tool.key) button.setAttribute("aria-keyshortcuts", `Control+${tool.key.toUpperCase()}`);
    button.tabIndex = index === 0 ? 0 : -1;
    button.addEventListener("click", () => {
      textarea.focus();
      tool.apply(textarea);
    });
    toolbar.append(button);
    return button;
  });
  // One tab stop for the toolbar; the arrow keys, Home and End move along it.
  toolbar.addEventListener("keydown", (event) => {
    const current = buttons.indexOf(document.activeElement);
    if (current === -1) return;
    const moves = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: buttons.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const next = (moves[event.key] + buttons.length) % buttons.length;
    buttons[current].tabIndex = -1;
    buttons[next].tabIndex = 0;
    buttons[next].focus();
  });
  textarea.addEventListener("keydown", (event) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
    const tool = TOOLS.find((each) => each.key === event.key.toLowerCase());
    if (!tool) return;
    event.preventDefault();
    tool.apply(textarea);
  });
  textarea.before(toolbar);
}

document.querySelectorAll("textarea[data-assure-editor]").forEach(enhance);
