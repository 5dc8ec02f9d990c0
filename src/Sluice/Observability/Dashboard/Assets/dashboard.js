// Sluice dashboard: reads the server-sent event stream with fetch (EventSource cannot send headers), draws
// the numbers and charts, and replays dead letters. A bearer token, when the server needs one, is given
// once in the address as #token=… and kept for the tab (token.js).
"use strict";
(() => {
  const keep = 120; // points per chart: two minutes at the default interval
  const series = { intake: [], backlog: new Map(), rate: new Map() };
  const svg = "http://www.w3.org/2000/svg";
  const $ = (id) => document.getElementById(id);

  // Portuguese (Brazil) by default, for the people who run a Brazilian time clock; ?lang=en for English.
  const lang = (() => {
    const asked = new URLSearchParams(location.search).get("lang");
    if (asked === "en" || asked === "pt-BR") localStorage.setItem("sluice.lang", asked);
    return localStorage.getItem("sluice.lang") ?? "pt-BR";
  })();
  const words = {
    en: {
      connecting: "connecting…", live: "live", node: "node", signIn: "Sign in", token: "Bearer token",
      signInHelp: "The dashboard shows nothing without a token of the read role (auditor, hr or admin); replaying needs admin. Mint one with sluice token --role auditor, or ask your identity provider.",
      intake: "Intake", stored: "stored since start on this node", destinations: "Destinations", dead: "Dead letters",
      errors: "Recent errors", backlog: "backlog", rate: "delivered/s", inFlight: "in flight (all nodes)",
      sendingNow: "sending now (this node)", delivered: "delivered", retrying: "retrying", deadCount: "dead",
      limit: "limit (sends at once)", replayAll: "Replay all dead letters", replay: "Replay", discard: "Discard", none: "None.",
      other: "Português", circuit: (c) => `circuit ${c}`, paused: "paused",
      attempts: (n) => `${n} attempt(s)`, noError: "no error recorded",
      replayed: (n) => `Replayed ${n} message(s).`, discarded: "Discarded 1 message: kept for audit, never delivered.",
      failed: (why) => `Failed: ${why}.`, manage: " (replaying and discarding need the admin role)",
      unauthorized: (status) => `not authorized (${status}): sign in below, or open /dashboard#token=<your token>`,
      disconnected: (why) => `disconnected (${why}); retrying…`,
      statePaused: "paused by an operator: nothing is sent until it is resumed",
      stateDown: (name, s) => `${name} unreachable — retrying in ${s} s`,
      stateHeld: (name, s) => `${name} asked for a pause — resuming in ${s} s`,
      stateClosed: (at) => `outside its delivery window — sends from ${at}`,
      stateIdle: "up to date: nothing waiting",
      stateDrains: (t) => `backlog drains in about ${t} at the current pace`,
      stateRetrying: (n) => `${n} waiting to be tried again`, stateSending: "sending",
      latency: "answer time p50 / p99 (last minute)", oldest: "oldest waiting", drains: "drains in", nodes: "sending from",
      rateChart: "delivered per second", backlogChart: "backlog (messages waiting)", replies: "Latest replies", noneYet: "None yet.",
      time: "time", perSecond: "per second", messages: "messages", ago: (d) => `${d} ago`, nothingWaits: "nothing waits",
      noPace: "no deliveries lately", noNode: "none right now", noAnswers: "no answers in the last minute",
      subject: { employee: "employee", order: "order", route: "route" }, failedAt: "failed", unknownSubject: "unknown subject",
    },
    "pt-BR": {
      connecting: "conectando…", live: "ao vivo", node: "nó", signIn: "Entrar", token: "Token (bearer)",
      signInHelp: "O painel não mostra nada sem um token com o papel de leitura (auditor, hr ou admin); reenviar exige admin. Gere um com sluice token --role auditor, ou peça ao seu provedor de identidade.",
      intake: "Entrada", stored: "gravadas neste nó desde o início", destinations: "Destinos", dead: "Mensagens mortas",
      errors: "Erros recentes", backlog: "fila", rate: "entregues/s", inFlight: "em envio (todos os nós)",
      sendingNow: "enviando agora (este nó)", delivered: "entregues", retrying: "a tentar de novo", deadCount: "mortas",
      limit: "limite (envios simultâneos)", replayAll: "Reenviar todas as mortas", replay: "Reenviar", discard: "Descartar",
      none: "Nenhuma.", other: "English", circuit: (c) => `circuito ${({ closed: "fechado", open: "aberto", "half-open": "meio aberto" })[c] ?? c}`,
      paused: "pausado", attempts: (n) => `${n} tentativa(s)`, noError: "sem erro registrado",
      replayed: (n) => `${n} mensagem(ns) reenviada(s).`, discarded: "1 mensagem descartada: guardada para auditoria, nunca entregue.",
      failed: (why) => `Falhou: ${why}.`, manage: " (reenviar e descartar exigem o papel admin)",
      unauthorized: (status) => `sem autorização (${status}): entre abaixo, ou abra /dashboard#token=<seu token>`,
      disconnected: (why) => `desconectado (${why}); tentando de novo…`,
      statePaused: "pausado por um operador: nada é enviado até ser retomado",
      stateDown: (name, s) => `${name} inacessível — nova tentativa em ${s} s`,
      stateHeld: (name, s) => `${name} pediu uma pausa — retoma em ${s} s`,
      stateClosed: (at) => `fora da janela de entrega — envia a partir das ${at}`,
      stateIdle: "em dia: nada esperando",
      stateDrains: (t) => `a fila esvazia em cerca de ${t} no ritmo atual`,
      stateRetrying: (n) => `${n} esperando nova tentativa`, stateSending: "enviando",
      latency: "tempo de resposta p50 / p99 (último minuto)", oldest: "mais antiga esperando", drains: "esvazia em",
      nodes: "enviando a partir de", rateChart: "entregues por segundo", backlogChart: "fila (mensagens esperando)",
      replies: "Últimas respostas", noneYet: "Nenhuma ainda.", time: "hora", perSecond: "por segundo", messages: "mensagens",
      ago: (d) => `há ${d}`, nothingWaits: "nada esperando", noPace: "sem entregas recentes", noNode: "nenhum agora",
      noAnswers: "sem respostas no último minuto", subject: { employee: "funcionário", order: "pedido", route: "rota" },
      failedAt: "falhou", unknownSubject: "assunto desconhecido",
    },
  };
  const t = words[lang] ?? words["pt-BR"];
  document.documentElement.lang = lang;
  for (const root of [document, $("destination-template").content]) {
    for (const el of root.querySelectorAll("[data-t]")) el.textContent = t[el.dataset.t];
  }
  const other = $("lang");
  other.textContent = t.other;
  other.href = `?lang=${lang === "en" ? "pt-BR" : "en"}`;

  let token = sluiceToken.read(); // token.js

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

  // The smallest of 1, 2 or 5 times a power of ten at or above the largest value: a scale people read at a glance.
  function niceMax(value) {
    if (value <= 1) return 1;
    const power = 10 ** Math.floor(Math.log10(value));
    return [1, 2, 5, 10].map((m) => m * power).find((m) => m >= value);
  }

  function element(name, attributes, text) {
    const el = document.createElementNS(svg, name);
    for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v);
    if (text !== undefined) el.textContent = text;
    return el;
  }

  // A line chart with a labelled value axis (0, half, a round maximum) and a time axis (24-hour clock at both ends
  // and the middle), so "how many, and when" reads without hovering. Points are {at, value}.
  function chart(target, points, unit) {
    // The drawing's size is its viewBox: a wide card has a wide chart, so its text keeps one size on screen.
    const { width, height } = target.viewBox.baseVal;
    const [left, right, top, bottom] = [40, 8, 8, 30];
    const plotWidth = width - left - right;
    const plotHeight = height - top - bottom;
    const max = niceMax(Math.max(0, ...points.map((p) => p.value)));
    const y = (v) => top + plotHeight - (v / max) * plotHeight;
    const parts = [];
    for (const tick of [0, max / 2, max]) {
      parts.push(element("line", { class: tick === 0 ? "axis" : "grid", x1: left, x2: width - right, y1: y(tick), y2: y(tick) }));
      parts.push(element("text", { x: left - 4, y: y(tick) + 3, "text-anchor": "end", class: "y-tick" }, number(tick)));
    }
    parts.push(element("line", { class: "axis", x1: left, x2: left, y1: top, y2: top + plotHeight }));
    parts.push(element("text", { x: 2, y: top + plotHeight / 2, transform: `rotate(-90 8 ${top + plotHeight / 2})`, "text-anchor": "middle", class: "y-title" }, unit));
    if (points.length > 0) {
      const first = new Date(points[0].at).getTime();
      const last = new Date(points[points.length - 1].at).getTime();
      const span = Math.max(1, last - first);
      const x = (at) => left + ((new Date(at).getTime() - first) / span) * plotWidth;
      const line = points.map((p) => `${x(p.at).toFixed(1)},${y(p.value).toFixed(1)}`).join(" ");
      parts.push(element("polyline", { class: "line", points: points.length > 1 ? line : `${left},${y(points[0].value)} ${width - right},${y(points[0].value)}` }));
      const ticks = [[first, "start"], [first + span / 2, "middle"], [last, "end"]];
      for (const [at, anchor] of ticks) {
        const tx = left + ((at - first) / span) * plotWidth;
        parts.push(element("line", { class: "axis", x1: tx, x2: tx, y1: top + plotHeight, y2: top + plotHeight + 3 }));
        parts.push(element("text", { x: tx, y: top + plotHeight + 13, "text-anchor": anchor, class: "x-tick" }, clock(at, true)));
      }
    }
    parts.push(element("text", { x: left + plotWidth / 2, y: height - 2, "text-anchor": "middle", class: "x-title" }, t.time));
    target.replaceChildren(...parts);
  }

  const number = (n) => Number(n).toLocaleString(lang, { maximumFractionDigits: 1 });
  // 24-hour times, as a Brazilian site reads them, whatever the browser's locale would pick.
  const clock = (at, seconds) => new Date(at).toLocaleTimeString(lang, {
    hour: "2-digit", minute: "2-digit", second: seconds ? "2-digit" : undefined, hourCycle: "h23",
  });

  const date = (at) => new Date(at).toLocaleString(lang, {
    day: "2-digit", month: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23",
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
    if (d.paused) return ["paused", t.statePaused];
    if (d.circuitOpenUntil) return ["down", t.stateDown(d.name, wait(d.circuitOpenUntil))];
    if (d.heldUntil) return ["held", t.stateHeld(d.name, wait(d.heldUntil))];
    if (d.closedUntil && d.backlog > 0) return ["closed", t.stateClosed(clock(d.closedUntil))];
    if (d.backlog === 0) return ["idle", t.stateIdle];
    if (d.drainSeconds) return ["busy", t.stateDrains(about(d.drainSeconds))];
    if (d.retrying > 0) return ["retrying", t.stateRetrying(number(d.retrying))];
    return ["busy", t.stateSending];
  }

  function destinationCard(name) {
    let card = document.querySelector(`[data-destination="${CSS.escape(name)}"]`);
    if (!card) {
      card = $("destination-template").content.firstElementChild.cloneNode(true);
      card.dataset.destination = name;
      card.querySelector(".name").textContent = name;
      const all = card.querySelector(".replay-all");
      all.addEventListener("click", () => act(all, "/api/dead-letters/replay", "POST", { destination: name }, (r) => t.replayed(r.replayed)));
      $("destinations").append(card);
    }
    return card;
  }

  // One row per dead letter: a message is dead once for each destination that gave up on it.
  const deadRows = new Map();
  const deadKey = (l) => `${l.destination}\n${l.messageId}`;

  // A dead letter's row with its two buttons, made once per dead letter; describe() fills in its words.
  function deadLetterRow(l) {
    const li = document.createElement("li");
    li.dataset.id = l.messageId;
    const what = document.createElement("code");
    // The whole id: ids are time-ordered (UUID v7), so their first characters are the same for weeks of messages.
    what.textContent = `${l.destination} · ${l.messageId}`;
    const subject = document.createElement("span");
    subject.className = "subject";
    const when = document.createElement("span");
    when.className = "when";
    const why = document.createElement("span");
    why.className = "why";
    const button = document.createElement("button");
    button.className = "replay";
    button.textContent = t.replay;
    button.addEventListener("click", () => act(button, "/api/dead-letters/replay", "POST", { ids: [l.messageId], destination: l.destination }, (r) => t.replayed(r.replayed)));
    const discard = document.createElement("button");
    discard.className = "discard";
    discard.textContent = t.discard;
    const path = `/api/dead-letters/${l.messageId}?destination=${encodeURIComponent(l.destination)}`;
    discard.addEventListener("click", () => act(discard, path, "DELETE", null, () => t.discarded));
    const info = document.createElement("span");
    info.className = "info";
    info.append(subject, " ", when, document.createElement("br"), what);
    const actions = document.createElement("span");
    actions.className = "actions";
    actions.append(button, discard);
    li.append(info, why, actions);
    return { li, subject, when, why };
  }

  function describe(row, l) {
    // Who or what it was about, when it failed, and the legacy system's sentence; the raw error stays in the tooltip.
    row.subject.textContent = l.subject
      ? `${t.subject[l.subject.type] ?? l.subject.type} ${l.subject.label}${l.subject.detail ? " · " + l.subject.detail : ""}`
      : t.unknownSubject;
    const failed = l.failedAt ?? l.receivedAt;
    row.when.textContent = `${t.failedAt} ${date(failed)}`;
    row.why.textContent = `${t.attempts(l.attempts)}: ${l.errorSummary ?? t.noError}`;
    if (l.lastError) row.why.title = l.lastError;
    else row.why.removeAttribute("title");
    // Its buttons stay disabled once pressed, until the row goes; one replayed that failed again is a new failure.
    if (row.failed !== undefined && row.failed !== failed) {
      for (const button of row.li.querySelectorAll("button")) button.disabled = false;
    }
    row.failed = failed;
  }

  function render(s) {
    $("node").textContent = `${t.node} ${s.node}`;
    $("intake-rate").textContent = number(s.intakeRate);
    $("intake-total").textContent = number(s.intakeTotal);
    chart($("intake-chart"), push(series.intake, { at: s.at, value: s.intakeRate }), t.perSecond);

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
      const text = (cls, v) => (card.querySelector("." + cls).textContent = v);
      text("latency", d.latencyP50Ms == null ? t.noAnswers : `${number(d.latencyP50Ms)} ms / ${number(d.latencyP99Ms)} ms`);
      text("oldest", d.oldestWaitingAt
        ? `${t.ago(about(Math.max(0, (new Date(s.at) - new Date(d.oldestWaitingAt)) / 1000)))} (${clock(d.oldestWaitingAt, true)})`
        : t.nothingWaits);
      text("drains", d.backlog === 0 ? t.nothingWaits : d.drainSeconds ? about(d.drainSeconds) : t.noPace);
      text("nodes", d.sendingNodes.length ? d.sendingNodes.join(", ") : t.noNode);
      const all = card.querySelector(".replay-all");
      all.hidden = d.dead === 0;
      if (all.hidden) all.disabled = false;
      const circuit = card.querySelector(".circuit");
      circuit.textContent = d.paused ? t.paused : t.circuit(d.circuit);
      circuit.dataset.circuit = d.circuit;
      if (!series.backlog.has(d.name)) { series.backlog.set(d.name, []); series.rate.set(d.name, []); }
      chart(card.querySelector(".rate-chart"), push(series.rate.get(d.name), { at: s.at, value: d.deliveryRate }), t.perSecond);
      chart(card.querySelector(".backlog-chart"), push(series.backlog.get(d.name), { at: s.at, value: d.backlog }), t.messages);
    }

    const dead = s.destinations.reduce((sum, d) => sum + d.dead, 0);
    $("dead-count").textContent = number(dead);
    // Rows are kept by dead letter and only their words change: a row drawn anew under the pointer would swallow a
    // press that spans an update (Chromium drops a click whose button went between press and release), and a button
    // waiting for its answer would come back enabled.
    const list = $("dead-letters");
    const listed = new Set(s.deadLetters.map(deadKey));
    for (const [key, row] of deadRows) {
      if (!listed.has(key)) { row.li.remove(); deadRows.delete(key); }
    }
    list.querySelector(":scope > li.why")?.remove();
    s.deadLetters.forEach((l, i) => {
      let row = deadRows.get(deadKey(l));
      if (!row) { row = deadLetterRow(l); deadRows.set(deadKey(l), row); }
      describe(row, l);
      if (list.children[i] !== row.li) list.insertBefore(row.li, list.children[i] ?? null);
    });
    if (s.deadLetters.length === 0) {
      const li = document.createElement("li");
      li.className = "why";
      li.textContent = t.none;
      list.append(li);
    }

    $("replies").replaceChildren(...((s.replies ?? []).length ? s.replies : [null]).map((r) => {
      const li = document.createElement("li");
      if (!r) { li.className = "why"; li.textContent = t.noneYet; return li; }
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
      if (!e) { li.className = "why"; li.textContent = t.none; return li; }
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
        : t.failed(`${response.status}${response.status === 403 ? t.manage : ""}`);
      if (!response.ok) button.disabled = false;
    } catch (e) {
      $("action").textContent = t.failed(e.message);
      button.disabled = false;
    }
  }

  // A minimal text/event-stream reader: blank-line separated events of "event:" and "data:" lines.
  async function stream() {
    const response = await fetch("/dashboard/events", { credentials: "same-origin", headers: headers({ Accept: "text/event-stream" }) });
    if (response.status === 401 || response.status === 403) {
      signIn(true);
      throw new Error(t.unauthorized(response.status));
    }
    if (!response.ok) throw new Error(`the server answered ${response.status}`);
    signIn(false);
    connection("live", t.live);
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
    sluiceToken.keep(token);
    $("sign-in-token").value = "";
    if (retry) retry();
  });

  async function run() {
    for (;;) {
      try {
        await stream();
      } catch (e) {
        connection("error", t.disconnected(e.message));
      }
      await new Promise((r) => { retry = r; setTimeout(r, 2000); });
    }
  }

  run();
})();
