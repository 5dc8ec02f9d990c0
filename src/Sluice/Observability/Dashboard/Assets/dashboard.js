// Sluice dashboard: reads the server-sent event stream with fetch (EventSource cannot send headers), draws
// the numbers and sparklines, and replays dead letters. A bearer token, when the server needs one, is given
// once in the address as #token=… (a fragment never reaches the server or its logs) and kept for the tab.
"use strict";
(() => {
  const keep = 60; // points per sparkline: a minute at the default interval
  const series = { intake: [], backlog: new Map(), rate: new Map() };
  const $ = (id) => document.getElementById(id);

  let token = (() => {
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
  // 24-hour times, as a Brazilian site reads them, whatever the browser's locale would pick.
  const clock = (t, seconds) => new Date(t).toLocaleTimeString([], {
    hour: "2-digit", minute: "2-digit", second: seconds ? "2-digit" : undefined, hourCycle: "h23",
  });

  function about(seconds) {
    if (seconds < 90) return `${Math.max(1, Math.round(seconds))} s`;
    if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
    return `${Math.round(seconds / 3600)} h`;
  }

  // What a person wants to know first about a destination, in words: is it getting its messages, and if not, why
  // and until when; if it is behind, how long until it catches up at the pace it has now.
  function stateOf(d, now) {
    const wait = (until) => Math.max(1, Math.ceil((new Date(until) - new Date(now)) / 1000));
    if (d.paused) return ["paused", "paused by an operator: nothing is sent until it is resumed"];
    if (d.circuitOpenUntil) return ["down", `${d.name} unreachable — retrying in ${wait(d.circuitOpenUntil)} s`];
    if (d.heldUntil) return ["held", `${d.name} asked for a pause — resuming in ${wait(d.heldUntil)} s`];
    if (d.closedUntil && d.backlog > 0) return ["closed", `outside its delivery window — sends from ${clock(d.closedUntil)}`];
    if (d.backlog === 0) return ["idle", "up to date: nothing waiting"];
    if (d.deliveryRate > 0) return ["busy", `backlog drains in about ${about(d.backlog / d.deliveryRate)} at the current pace`];
    if (d.retrying > 0) return ["retrying", `${number(d.retrying)} waiting to be tried again`];
    return ["busy", "sending"];
  }

  function destinationCard(name) {
    let card = document.querySelector(`[data-destination="${CSS.escape(name)}"]`);
    if (!card) {
      card = $("destination-template").content.firstElementChild.cloneNode(true);
      card.dataset.destination = name;
      card.querySelector(".name").textContent = name;
      const all = card.querySelector(".replay-all");
      all.addEventListener("click", () => act(all, "/api/dead-letters/replay", "POST", { destination: name }, (r) => `Replayed ${r.replayed} message(s).`));
      $("destinations").append(card);
    }
    return card;
  }

  function render(s) {
    $("node").textContent = `node ${s.node}`;
    $("intake-rate").textContent = number(s.intakeRate);
    $("intake-total").textContent = number(s.intakeTotal);
    spark($("intake-chart"), push(series.intake, s.intakeRate));

    for (const d of s.destinations) {
      const card = destinationCard(d.name);
      const set = (cls, v) => (card.querySelector("." + cls).textContent = number(v));
      set("backlog", d.backlog);
      set("rate", d.deliveryRate);
      set("in-flight", d.inFlight);
      set("sending-now", d.sendingNow);
      const [state, words] = stateOf(d, s.at);
      const line = card.querySelector(".state");
      line.dataset.state = state;
      line.textContent = words;
      set("delivered", d.delivered);
      set("retrying", d.retrying);
      set("dead", d.dead);
      set("limit", d.concurrencyLimit);
      const all = card.querySelector(".replay-all");
      all.hidden = d.dead === 0;
      if (all.hidden) all.disabled = false;
      const circuit = card.querySelector(".circuit");
      circuit.textContent = d.paused ? "paused" : `circuit ${d.circuit}`;
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
      // The whole id: ids are time-ordered (UUID v7), so their first characters are the same for weeks of messages.
      what.textContent = `${l.destination} · ${l.messageId}`;
      const why = document.createElement("span");
      why.className = "why";
      why.textContent = `${l.failedAt ? clock(l.failedAt, true) + " · " : ""}${l.attempts} attempt(s): ${l.lastError ?? "no error recorded"}`;
      const button = document.createElement("button");
      button.className = "replay";
      button.textContent = "Replay";
      button.addEventListener("click", () => act(button, "/api/dead-letters/replay", "POST", { ids: [l.messageId] }, (r) => `Replayed ${r.replayed} message(s).`));
      const discard = document.createElement("button");
      discard.className = "discard";
      discard.textContent = "Discard";
      const path = `/api/dead-letters/${l.messageId}?destination=${encodeURIComponent(l.destination)}`;
      discard.addEventListener("click", () => act(discard, path, "DELETE", null, () => "Discarded 1 message: kept for audit, never delivered."));
      li.append(what, why, button, discard);
      return li;
    }));
    if (s.deadLetters.length === 0) {
      const li = document.createElement("li");
      li.className = "why";
      li.textContent = "None.";
      list.append(li);
    }

    $("errors").replaceChildren(...(s.errors.length ? s.errors : [null]).map((e) => {
      const li = document.createElement("li");
      if (!e) { li.className = "why"; li.textContent = "None."; return li; }
      const at = document.createElement("code");
      at.textContent = `${clock(e.at, true)} ${e.level}`;
      const message = document.createElement("span");
      message.className = "why";
      message.textContent = e.message;
      li.append(at, message);
      return li;
    }));
  }

  // One operator action (needs the manage role): the answer, or why it failed, goes to the line under the title.
  async function act(button, path, method, body, done) {
    button.disabled = true;
    try {
      const response = await fetch(path, {
        method,
        credentials: "same-origin",
        headers: headers(body ? { "Content-Type": "application/json" } : {}),
        body: body ? JSON.stringify(body) : undefined,
      });
      $("action").textContent = response.ok
        ? done(response.status === 204 ? null : await response.json())
        : `Failed: ${response.status}${response.status === 403 ? " (replaying and discarding need the admin role)" : ""}.`;
      if (!response.ok) button.disabled = false;
    } catch (e) {
      $("action").textContent = `Failed: ${e.message}`;
      button.disabled = false;
    }
  }

  // A minimal text/event-stream reader: blank-line separated events of "event:" and "data:" lines.
  async function stream() {
    const response = await fetch("/dashboard/events", { credentials: "same-origin", headers: headers({ Accept: "text/event-stream" }) });
    if (response.status === 401 || response.status === 403) {
      signIn(true);
      throw new Error(`not authorized (${response.status}): sign in below, or open /dashboard#token=<your token>`);
    }
    if (!response.ok) throw new Error(`the server answered ${response.status}`);
    signIn(false);
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

  // Without the right to read, the page asks for a token instead of showing zeros that look like an idle system.
  function signIn(needed) {
    $("sign-in").hidden = !needed;
    $("content").hidden = needed;
  }

  let retry = null;
  $("sign-in-form").addEventListener("submit", (e) => {
    e.preventDefault();
    token = $("sign-in-token").value.trim();
    sessionStorage.setItem("sluice.token", token);
    $("sign-in-token").value = "";
    if (retry) retry();
  });

  async function run() {
    for (;;) {
      try {
        await stream();
      } catch (e) {
        connection("error", `disconnected (${e.message}); retrying…`);
      }
      await new Promise((r) => { retry = r; setTimeout(r, 2000); });
    }
  }

  run();
})();
