// The desk: lists handed-over conversations and lets a signed-in person take one over, write and hand back.
// Every value from the server is shown with textContent, never as HTML.
(() => {
  "use strict";
  const API = "/v1/agent/conversations";
  const POLL_MS = 1500;
  const $ = (id) => document.getElementById(id);
  let selected = null;
  let shownId = null;
  let busy = false;

  async function call(method, path, body) {
    const headers = { Accept: "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status === 403) {
      window.location.assign("/agent");
      throw new Error("signed out");
    }
    const data = await response.json().catch(() => null);
    if (!response.ok) throw new Error((data && data.error && data.error.message) || response.statusText);
    return data;
  }

  function item(conversation) {
    const li = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.dataset.id = conversation.id;
    button.setAttribute("aria-current", String(conversation.id === selected));
    const who = document.createElement("span");
    who.className = "who";
    who.textContent = conversation.customer_name || "A customer";
    const what = document.createElement("span");
    what.className = "what";
    what.textContent = conversation.person
      ? `with ${conversation.person}`
      : conversation.last_customer_text || conversation.reason || "";
    button.append(who, what);
    button.addEventListener("click", () => choose(conversation.id));
    li.appendChild(button);
    return li;
  }

  function fill(list, conversations, empty) {
    if (!conversations.length) {
      const p = document.createElement("p");
      p.className = "empty";
      p.textContent = empty;
      list.replaceChildren(p);
    } else list.replaceChildren(...conversations.map(item));
  }

  async function refreshList() {
    const conversations = await call("GET", API);
    fill($("waiting"), conversations.filter((c) => c.waiting), "Nobody is waiting.");
    fill($("active"), conversations.filter((c) => !c.waiting), "No conversation is with a person.");
  }

  function line(kind, by, text) {
    const p = document.createElement("p");
    p.className = `line ${kind}`;
    const label = document.createElement("span");
    label.className = "by";
    label.textContent = by;
    p.append(label, document.createTextNode(text));
    return p;
  }

  function render(conversation) {
    $("summary").hidden = false;
    $("customer").textContent = conversation.customer_name || "A customer";
    $("summary-text").textContent = conversation.summary || "No summary.";
    const lines = [];
    for (const turn of conversation.turns) {
      if (turn.customer_text) lines.push(line("customer", "Customer", turn.customer_text));
      else if (turn.quick_reply) lines.push(line("customer", "Customer clicked", turn.quick_reply));
      for (const message of turn.messages) {
        lines.push(turn.person ? line("person", turn.person, message) : line("agent", "Agent", message));
      }
    }
    const log = $("transcript");
    const follow = conversation.id !== shownId || log.scrollHeight - log.scrollTop - log.clientHeight < 40;
    shownId = conversation.id;
    log.replaceChildren(...lines);
    const mine = conversation.state === "with_person";
    $("composer").hidden = false;
    $("take-over").hidden = conversation.state !== "escalated";
    for (const id of ["send", "hand-back", "hand-back-close", "close"]) $(id).hidden = !mine;
    $("reply").disabled = !mine;
    // After the composer's buttons change, which changes the height left for the transcript.
    if (follow) log.scrollTop = log.scrollHeight;
  }

  async function refreshDetail() {
    if (!selected) return;
    render(await call("GET", `${API}/${encodeURIComponent(selected)}`));
  }

  async function choose(id) {
    selected = id;
    $("status").textContent = "";
    await Promise.all([refreshDetail(), refreshList()]);
  }

  async function act(path, body) {
    if (!selected || busy) return;
    busy = true;
    $("status").textContent = "";
    try {
      await call("POST", `${API}/${encodeURIComponent(selected)}/${path}`, body);
      await Promise.all([refreshDetail(), refreshList()]);
    } catch (error) {
      $("status").textContent = error.message;
    } finally {
      busy = false;
    }
  }

  function send() {
    const text = $("reply").value.trim();
    if (!text) return;
    $("reply").value = "";
    act("messages", { text });
  }

  $("send").addEventListener("click", send);
  $("reply").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      send();
    }
  });
  $("take-over").addEventListener("click", () => act("take-over"));
  $("hand-back").addEventListener("click", () => act("hand-back", { close: false }));
  $("hand-back-close").addEventListener("click", () => act("hand-back", { close: true }));
  $("close").addEventListener("click", () => act("close"));

  async function poll() {
    try {
      await Promise.all([refreshList(), busy ? null : refreshDetail()]);
    } catch (error) {
      $("status").textContent = error.message;
    }
    setTimeout(poll, POLL_MS);
  }
  poll();
})();
