// Sluice dashboard: reads the server-sent event stream with fetch (EventSource cannot send headers), draws
// the numbers and sparklines, and replays dead letters. A bearer token, when the server needs one, is given
// once in the address as #token=… (a fragment never reaches the server or its logs) and kept for the tab.
"use strict";
(() => {
  const keep = 60; // points per sparkline: a minute at the default interval
  const series = { intake: [], backlog: new Map(), rate: new Map() };
  const $ = (id) => document.getElementById(id);

  const token = (() => {
    const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
    if (match) {
      sessionStorage.setItem("sluice.token", decodeURIComponent(match[1]));
      history.replaceState(null, "", location.pathname + location.search);
    }
    return sessionStorage.getItem("sluice.token");
  })();

  function headers(extra) {
    const h = Object.assign({}, extra);
    if (token) h.Authorization = "Bearer " + token;
    return h;
  }

  function connection(state, text) {
    const el = $("connection");
    el.dataset.state = state;
    el.textContent = text;
  }

  function push(list, value) {
    list.push(value);
    if (list.length > keep) list.shift();
    return list;
  }

  function spark(svg, values) {
    const max = Math.max(1, ...values);
    const step = values.length > 1 ? 120 / (keep - 1) : 0;
    const offset = 120 - step * (values.length - 1);
    const points = values.map((v, i) => `${(offset + i * step).toFixed(1)},${(29 - (v / max) * 28).toFixed(1)}`);
    svg.querySelector("polyline").setAttribute("points", points.join(" "));
  }

  const number = (n) => Number(n).toLocaleString(undefined, { maximumFractionDigits: 1 });

  function destinationCard(name) {
    let card = document.querySelector(`[data-destination="${CSS.escape(name)}"]`);
    if (!card) {
      card = $("destination-template").content.firstElementChild.cloneNode(true);
      card.dataset.destination = name;
      card.querySelector(".name").textContent = name;
      $("destinations").append(card);
    }
    return card;
  }

  function render(s) {
    $("intake-rate").textContent = number(s.intakeRate);
    $("intake-total").textContent = number(s.intakeTotal);
    spark($("intake-chart"), push(series.intake, s.intakeRate));

    for (const d of s.destinations) {
      const card = destinationCard(d.name);
      const set = (cls, v) => (card.querySelector("." + cls).textContent = number(v));
      set("backlog", d.backlog);
      set("rate", d.deliveryRate);
      set("in-flight", d.inFlight);
      set("delivered", d.delivered);
      set("retrying", d.retrying);
      set("dead", d.dead);
      set("limit", d.concurrencyLimit);
      const circuit = card.querySelector(".circuit");
      circuit.textContent = d.paused ? "paused" : d.circuit;
      circuit.dataset.circuit = d.circuit;
      if (!series.backlog.has(d.name)) { series.backlog.set(d.name, []); series.rate.set(d.name, []); }
      spark(card.querySelector(".backlog-chart"), push(series.backlog.get(d.name), d.backlog));
      spark(card.querySelector(".rate-chart"), push(series.rate.get(d.name), d.deliveryRate));
    }

    const dead = s.destinations.reduce((sum, d) => sum + d.dead, 0);
    $("dead-count").textContent = number(dead);
    const list = $("dead-letters");
    list.replaceChildren(...s.deadLetters.map((l) => {
      const li = document.createElement("li");
      li.dataset.id = l.messageId;
      const what = document.createElement("code");
      what.textContent = `${l.destination} · ${l.messageId.slice(0, 8)}`;
      const why = document.createElement("span");
      why.className = "why";
      why.textContent = `${l.attempts} attempt(s): ${l.lastError ?? "no error recorded"}`;
      const button = document.createElement("button");
      button.className = "replay";
      button.textContent = "Replay";
      button.addEventListener("click", () => replay(l.messageId, button));
      li.append(what, why, button);
      return li;
    }));
    if (s.deadLetters.length === 0) {
      const li = document.createElement("li");
      li.className = "why";
      li.textContent = "None.";
      list.append(li);
    }

    $("replies").replaceChildren(...((s.replies ?? []).length ? s.replies : [null]).map((r) => {
      const li = document.createElement("li");
      if (!r) { li.className = "why"; li.textContent = "None yet."; return li; }
      li.dataset.id = r.messageId;
      const what = document.createElement("code");
      what.textContent = `${r.destination} · …${r.messageId.slice(-12)}`;
      const answer = document.createElement("span");
      answer.className = "why";
      answer.textContent = `${r.status} · ${number(r.bytes)} bytes${r.truncated ? " (cut)" : ""}`;
      li.append(what, answer);
      return li;
    }));

    $("errors").replaceChildren(...(s.errors.length ? s.errors : [null]).map((e) => {
      const li = document.createElement("li");
      if (!e) { li.className = "why"; li.textContent = "None."; return li; }
      const at = document.createElement("code");
      at.textContent = `${new Date(e.at).toLocaleTimeString()} ${e.level}`;
      const message = document.createElement("span");
      message.className = "why";
      message.textContent = e.message;
      li.append(at, message);
      return li;
    }));
  }

  async function replay(id, button) {
    button.disabled = true;
    try {
      const response = await fetch("/api/dead-letters/replay", {
        method: "POST",
        credentials: "same-origin",
        headers: headers({ "Content-Type": "application/json" }),
        body: JSON.stringify({ ids: [id] }),
      });
      const text = response.ok ? `Replayed ${(await response.json()).replayed} message(s).` : `Replay failed: ${response.status}.`;
      $("action").textContent = text;
    } catch (e) {
      $("action").textContent = `Replay failed: ${e.message}`;
      button.disabled = false;
    }
  }

  // A minimal text/event-stream reader: blank-line separated events of "event:" and "data:" lines.
  async function stream() {
    const response = await fetch("/dashboard/events", { credentials: "same-origin", headers: headers({ Accept: "text/event-stream" }) });
    if (response.status === 401 || response.status === 403) {
      throw new Error(`not authorized (${response.status}): open /dashboard#token=<your token>`);
    }
    if (!response.ok) throw new Error(`the server answered ${response.status}`);
    connection("live", "live");
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error("the stream ended");
      buffer += value.replace(/\r\n/g, "\n");
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block.split("\n").filter((l) => l.startsWith("data:")).map((l) => l.slice(5).trimStart()).join("\n");
        if (data) render(JSON.parse(data));
      }
    }
  }

  async function run() {
    for (;;) {
      try {
        await stream();
      } catch (e) {
        connection("error", `disconnected (${e.message}); retrying…`);
      }
      await new Promise((r) => setTimeout(r, 2000));
    }
  }

  run();
})();
