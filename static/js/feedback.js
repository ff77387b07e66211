// Progressive enhancement: "Var denne siden nyttig?" is answered in place. Without it, the same
// forms post to the answer page and work as well.
document.addEventListener("submit", async (event) => {
  const section = event.target.closest("[data-feedback]");
  if (!section || !window.fetch || !window.DOMParser) return;
  event.preventDefault();
  const form = event.target;
  const body = new URLSearchParams(new FormData(form, event.submitter));
  form.querySelectorAll("button").forEach((button) => { button.disabled = true; });
  try {
    const response = await fetch(form.action, { method: "POST", body, credentials: "omit" });
    const page = new DOMParser().parseFromString(await response.text(), "text/html");
    const next = page.querySelector("[data-feedback]");
    if (!next) throw new Error("no answer");
    section.replaceWith(next);
    const focus = next.querySelector("[aria-invalid=true]") || next.querySelector("h2");
    focus.focus();
  } catch {
    // Fall back to the plain post, which shows the answer on its own page.
    if (event.submitter && event.submitter.name) {
      const choice = document.createElement("input");
      choice.type = "hidden";
      choice.name = event.submitter.name;
      choice.value = event.submitter.value;
      form.append(choice);
    }
    HTMLFormElement.prototype.submit.call(form);
  }
});
