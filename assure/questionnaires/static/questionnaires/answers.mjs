// Progressive enhancement of a questionnaire's form: when htmx has swapped the form in place
// (a choice changed and the answers were saved), the new markup's GOV.UK components (a "none of
// these" checkbox that stands alone, a character count) are started again. The error summary
// does not take the focus from the answer the person has just given. Without this file the form
// works as it is.
import { initAll } from "../assure/govuk-frontend.min.js";

document.body.addEventListener("htmx:afterSettle", () => {
  const form = document.getElementById("questionnaire-form");
  if (form) initAll({ scope: form, errorSummary: { disableAutoFocus: true } });
});
