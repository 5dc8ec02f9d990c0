// HR's timesheet page: the server renders the form and the table (GET /dashboard/timesheets/view); this script only
// carries the reader's bearer token there, keeps the choice in the address, and saves the CSV/JSON downloads, which
// need the token too. The token is the dashboard's (token.js: same tab, or given as #token=…).
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  let token = sluiceToken.read(); // /dashboard/token.js

  const headers = (accept) => Object.assign({ Accept: accept }, token ? { Authorization: "Bearer " + token } : {});

  function problem(text) {
    $("problem").hidden = !text;
    $("problem").textContent = text ?? "";
  }

  function signIn(needed) {
    $("sign-in").hidden = !needed;
    $("content").hidden = needed;
  }

  async function load(query) {
    const response = await fetch("/dashboard/timesheets/view" + query, { headers: headers("text/html") });
    if (response.status === 401 || response.status === 403) {
      signIn(true);
      problem(response.status === 403 ? "Este token não tem o papel hr, auditor ou admin." : null);
      return;
    }
    signIn(false);
    if (!response.ok) {
      // Problem details: each field with its reason.
      const body = await response.json().catch(() => ({}));
      const fields = Object.entries(body.errors ?? {}).map(([field, reasons]) => `${field}: ${reasons.join(" ")}`);
      problem(`${body.title ?? "Erro " + response.status} ${fields.join("; ")}`.trim());
      return;
    }
    problem(null);
    $("content").innerHTML = await response.text();
    history.replaceState(null, "", location.pathname + query);
  }

  function queryOf(form, changed) {
    const data = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      // A new establishment has other employees: the one chosen before is dropped.
      if (value && !(changed === "establishment" && name === "employee")) data.append(name, value);
    }
    const text = data.toString();
    return text ? "?" + text : "";
  }

  $("content").addEventListener("submit", (e) => {
    e.preventDefault();
    load(queryOf(e.target));
  });
  $("content").addEventListener("change", (e) => {
    if (e.target.name === "establishment") load(queryOf(e.target.form, "establishment"));
  });
  $("content").addEventListener("click", async (e) => {
    const link = e.target.closest("a[data-accept]");
    if (!link) return;
    e.preventDefault();
    const response = await fetch(link.getAttribute("href"), { headers: headers(link.dataset.accept) });
    if (!response.ok) { problem(`Erro ${response.status} ao baixar.`); return; }
    const url = URL.createObjectURL(await response.blob());
    const save = document.createElement("a");
    save.href = url;
    save.download = link.dataset.file;
    document.body.append(save);
    save.click();
    save.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });
  $("sign-in-form").addEventListener("submit", (e) => {
    e.preventDefault();
    token = $("sign-in-token").value.trim();
    sluiceToken.keep(token);
    $("sign-in-token").value = "";
    load(location.search);
  });

  load(location.search);
})();
