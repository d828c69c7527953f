/*
 * <tactful-chat> — the tactful chat widget. No dependencies; include it with
 *   <script src="https://your-server/widget.js" defer></script>
 *   <tactful-chat server="https://your-server" policy="retail" facts='{"customer_name":"Dana"}'
 *                 facts-token="eyJ..."></tactful-chat>
 *
 * Attributes: server (default: this page's origin), policy (default: the server's), facts (JSON; only
 * the facts the policy allows unsigned, such as customer_name), facts-token (a JWT your server signed
 * with the facts key, carrying the facts that decide requests), heading (the title bar text),
 * typing-delay (least time in ms the typing indicator shows),
 * launcher (show a round chat button in the corner that opens the chat as a panel; the conversation
 * starts on the first open) and open (whether that panel is open; also the open()/close() methods).
 * The widget fits any width down to 320 px: it never grows past its container, and the launcher's
 * panel takes the whole screen on a phone.
 * The element has the `connected` attribute while its WebSocket is open; without it, messages go
 * over HTTP and the socket reconnects with backoff. Theme it with the --tactful-* CSS custom properties listed in STYLE.
 * Message text is only ever inserted with textContent. When a person from the team takes over, their
 * messages arrive pushed over the WebSocket and show with their name above them.
 */
(() => {
  "use strict";

  const STYLE = `
    :host {
      --_accent: var(--tactful-accent, #2f6f5e);
      --_accent-text: var(--tactful-accent-text, #ffffff);
      --_bg: var(--tactful-background, #ffffff);
      --_surface: var(--tactful-surface, #f4f6f8);
      --_text: var(--tactful-text, #1f2933);
      --_muted: var(--tactful-muted, #5b6673);
      --_agent-bg: var(--tactful-agent-bubble, #eef2f5);
      --_agent-text: var(--tactful-agent-text, var(--_text));
      --_customer-bg: var(--tactful-customer-bubble, var(--_accent));
      --_customer-text: var(--tactful-customer-text, var(--_accent-text));
      --_notice-bg: var(--tactful-notice-background, #fff7e6);
      --_notice-text: var(--tactful-notice-text, #6b4a00);
      --_radius: var(--tactful-radius, 14px);
      --_font: var(--tactful-font, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
      display: block;
      width: min(var(--tactful-width, 380px), 100%);
      max-width: 100%;
      min-width: 0;
      height: var(--tactful-height, 560px);
      font-family: var(--_font);
      font-size: 15px;
      line-height: 1.45;
      color: var(--_text);
    }
    * { box-sizing: border-box; }
    .chat {
      display: flex; flex-direction: column; height: 100%;
      background: var(--_bg); border: 1px solid rgba(0, 0, 0, 0.08);
      border-radius: var(--_radius); overflow: hidden;
      box-shadow: 0 8px 30px rgba(31, 41, 51, 0.10);
    }
    header {
      display: flex; align-items: center; justify-content: space-between; gap: 8px;
      padding: 14px 16px; background: var(--_accent); color: var(--_accent-text);
    }
    header h2 { margin: 0; font-size: 16px; font-weight: 600; min-width: 0; overflow-wrap: anywhere; }
    .connection { font-size: 12px; opacity: 0.85; margin-left: auto; }
    .close { display: none; }
    .log {
      flex: 1; overflow-y: auto; padding: 16px; display: flex; flex-direction: column; gap: 8px;
      background: var(--_surface); scroll-behavior: smooth;
    }
    .bubble {
      max-width: 85%; margin: 0; padding: 9px 13px; border-radius: var(--_radius);
      white-space: pre-wrap; overflow-wrap: anywhere;
    }
    .agent { align-self: flex-start; background: var(--_agent-bg); color: var(--_agent-text);
      border-bottom-left-radius: 4px; }
    .customer { align-self: flex-end; background: var(--_customer-bg); color: var(--_customer-text);
      border-bottom-right-radius: 4px; }
    .person { align-self: flex-start; background: var(--tactful-person-bubble, #e3ecf9); color: var(--_agent-text);
      border-bottom-left-radius: 4px; }
    .person .name { display: block; font-size: 12px; font-weight: 600; opacity: 0.8; margin-bottom: 2px; }
    .problem { align-self: center; font-size: 13px; color: #8a1c1c; background: #fdecec; }
    .typing { display: flex; gap: 4px; padding: 0 16px 8px; background: var(--_surface); }
    .typing[hidden] { display: none; }
    .typing span {
      width: 7px; height: 7px; border-radius: 50%; background: var(--_muted); opacity: 0.4;
      animation: tactful-blink 1.2s infinite ease-in-out;
    }
    .typing span:nth-child(2) { animation-delay: 0.2s; }
    .typing span:nth-child(3) { animation-delay: 0.4s; }
    @keyframes tactful-blink { 0%, 80%, 100% { opacity: 0.25; } 40% { opacity: 0.9; } }
    @media (prefers-reduced-motion: reduce) { .typing span { animation: none; } .log { scroll-behavior: auto; } }
    .notice {
      margin: 0; padding: 10px 16px; font-size: 14px;
      background: var(--_notice-bg); color: var(--_notice-text); border-top: 1px solid rgba(0, 0, 0, 0.06);
    }
    .notice[hidden] { display: none; }
    .notice button { margin-left: 8px; }
    .quick { display: flex; flex-wrap: wrap; gap: 8px; padding: 10px 16px 0; background: var(--_bg); }
    .quick:empty { display: none; }
    .quick button { max-width: 100%; white-space: normal; text-align: left; overflow-wrap: anywhere; }
    button {
      font: inherit; cursor: pointer; border-radius: 999px; padding: 7px 14px;
      border: 1px solid var(--_accent); background: var(--_bg); color: var(--_accent);
    }
    button:hover { background: var(--_surface); }
    button:disabled { opacity: 0.5; cursor: default; }
    button:focus-visible, textarea:focus-visible, .log:focus-visible {
      outline: 3px solid color-mix(in srgb, var(--_accent) 45%, transparent); outline-offset: 2px;
    }
    form { display: flex; gap: 8px; padding: 12px 16px 14px; background: var(--_bg); align-items: flex-end; }
    textarea {
      flex: 1; min-width: 0; resize: none; font: inherit; color: var(--_text); background: var(--_bg);
      padding: 9px 12px; border: 1px solid rgba(0, 0, 0, 0.18); border-radius: 12px; max-height: 120px;
    }
    form button[type="submit"] { background: var(--_accent); color: var(--_accent-text); }
    .launcher { display: none; }
    :host([launcher]) {
      position: fixed; right: var(--tactful-offset, 16px); bottom: var(--tactful-offset, 16px);
      width: auto; height: auto; z-index: var(--tactful-z-index, 2147483000);
    }
    :host([launcher]) .launcher {
      display: inline-flex; align-items: center; justify-content: center; width: 56px; height: 56px;
      padding: 0; border: 0; border-radius: 50%; background: var(--_accent); color: var(--_accent-text);
      box-shadow: 0 6px 20px rgba(31, 41, 51, 0.25);
    }
    :host([launcher]) .launcher:hover { background: var(--_accent); filter: brightness(1.08); }
    :host([launcher]) .launcher svg { width: 28px; height: 28px; }
    :host([launcher]) .chat {
      position: fixed; right: var(--tactful-offset, 16px); bottom: calc(var(--tactful-offset, 16px) + 68px);
      width: min(var(--tactful-width, 380px), calc(100vw - 2 * var(--tactful-offset, 16px)));
      height: min(var(--tactful-height, 560px), calc(100vh - 2 * var(--tactful-offset, 16px) - 68px));
    }
    :host([launcher]:not([open])) .chat { display: none; }
    :host([launcher]) .close {
      display: inline-flex; align-items: center; justify-content: center; flex: none;
      width: 32px; height: 32px; padding: 0; font-size: 20px; line-height: 1;
      border-color: transparent; background: transparent; color: var(--_accent-text);
    }
    :host([launcher]) .close:hover { background: rgba(255, 255, 255, 0.15); }
    @media (max-width: 480px) {
      :host([launcher][open]) .chat {
        inset: 0; width: 100vw; height: 100vh; height: 100dvh; border-radius: 0; border: 0;
      }
      :host([launcher][open]) .launcher { display: none; }
    }
    .sr-only {
      position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
      clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0;
    }
  `;

  const TEMPLATE = `
    <button type="button" class="launcher" aria-label="Open the chat" aria-expanded="false">
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor"
        d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zm3 6.5a1.5 1.5 0 1 0 0
        .01zm5 0a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01z"/></svg>
    </button>
    <section class="chat">
      <header>
        <h2 class="heading"></h2><span class="connection" aria-hidden="true"></span>
        <button type="button" class="close" aria-label="Close the chat">×</button>
      </header>
      <div class="log" role="log" aria-live="polite" aria-relevant="additions" aria-label="Conversation"
           tabindex="0"></div>
      <div class="typing" hidden aria-hidden="true"><span></span><span></span><span></span></div>
      <p class="sr-only status" role="status"></p>
      <div class="notice" role="status" hidden><span class="notice-text"></span></div>
      <div class="quick" role="group" aria-label="Suggested replies"></div>
      <form>
        <label class="sr-only" for="message">Your message</label>
        <textarea id="message" rows="1" maxlength="2000" placeholder="Type your message…"
                  aria-describedby="hint"></textarea>
        <span class="sr-only" id="hint">Press Enter to send, Shift+Enter for a new line.</span>
        <button type="submit">Send</button>
      </form>
    </section>
  `;

  const NOTICES = {
    escalated: "This conversation has been passed to a member of our team.",
    with_person: "You're chatting with a member of our team.",
    closed: "This conversation has ended.",
  };
  const REPLY_TIMEOUT_MS = 15000;
  const MAX_BACKOFF_MS = 15000;
  const DEFAULT_TYPING_MS = 450;

  const newMessageId = () =>
    window.crypto && crypto.randomUUID
      ? crypto.randomUUID()
      : `m${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
  const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  class ApiError extends Error {
    constructor(status, code, message) {
      super(message);
      this.status = status;
      this.code = code;
    }
  }

  class TactfulChat extends HTMLElement {
    static get observedAttributes() {
      return ["server", "policy", "facts", "facts-token", "heading", "open"];
    }

    constructor() {
      super();
      const root = this.attachShadow({ mode: "open" });
      const style = document.createElement("style");
      style.textContent = STYLE;
      root.appendChild(style);
      const holder = document.createElement("template");
      holder.innerHTML = TEMPLATE;
      root.appendChild(holder.content.cloneNode(true));
      this.ui = {
        heading: root.querySelector(".heading"),
        connection: root.querySelector(".connection"),
        log: root.querySelector(".log"),
        typing: root.querySelector(".typing"),
        status: root.querySelector(".status"),
        notice: root.querySelector(".notice"),
        noticeText: root.querySelector(".notice-text"),
        quick: root.querySelector(".quick"),
        form: root.querySelector("form"),
        input: root.querySelector("textarea"),
        send: root.querySelector('form button[type="submit"]'),
        launcher: root.querySelector(".launcher"),
        close: root.querySelector(".close"),
        chat: root.querySelector(".chat"),
      };
      this.ui.launcher.addEventListener("click", () => (this.hasAttribute("open") ? this.close() : this.open()));
      this.ui.close.addEventListener("click", () => this.close());
      this.ui.chat.addEventListener("keydown", (event) => {
        if (event.key === "Escape" && this.hasAttribute("launcher")) this.close();
      });
      this.ui.form.addEventListener("submit", (event) => {
        event.preventDefault();
        this.sendText();
      });
      this.ui.input.addEventListener("keydown", (event) => {
        if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
          event.preventDefault();
          this.sendText();
        }
      });
      this.ui.quick.addEventListener("keydown", (event) => this.moveAmongQuickReplies(event));
      this.generation = 0;
      this.running = false;
      this.reset();
    }

    connectedCallback() {
      this.ui.heading.textContent = this.getAttribute("heading") || "Customer support";
      this.ui.launcher.setAttribute("aria-expanded", String(this.hasAttribute("open")));
      if (!this.running && this.shown) this.begin();
    }

    /** Whether the chat is on screen: always, unless it is a launcher that is closed. */
    get shown() {
      return !this.hasAttribute("launcher") || this.hasAttribute("open");
    }

    /** Open the launcher's chat panel (starting the conversation the first time). */
    open() {
      this.toggleAttribute("open", true);
    }

    /** Close the launcher's chat panel; the conversation stays where it was. */
    close() {
      this.toggleAttribute("open", false);
      if (this.hasAttribute("launcher")) this.ui.launcher.focus();
    }

    disconnectedCallback() {
      this.running = false;
      this.generation += 1;
      this.stopSocket();
    }

    attributeChangedCallback(name, previous, value) {
      if (name === "heading") {
        this.ui.heading.textContent = value || "Customer support";
      } else if (name === "open") {
        this.ui.launcher.setAttribute("aria-expanded", String(value !== null));
        if (value !== null && this.isConnected) {
          // The message box is disabled until the conversation has started: focus it once it is ready.
          this.focusWhenReady = true;
          if (!this.running) this.begin();
          else if (!this.ui.input.disabled) this.setComposerEnabled(true);
        }
      } else if (this.running && previous !== value) {
        this.begin();
      }
    }

    /** Send ``text`` as if the customer had typed it. */
    send(text) {
      this.ui.input.value = String(text);
      this.sendText();
    }

    /** Forget this conversation and start a new one. */
    restart() {
      sessionStorage.removeItem(this.storageKey());
      this.begin();
    }

    reset() {
      this.stopSocket();
      this.conversation = null;
      this.lastNumber = -1;
      this.lastQuickReplies = [];
      this.state = null;
      this.busy = false;
      this.pending = null;
      this.attempts = 0;
      this.ui.log.replaceChildren();
      this.ui.quick.replaceChildren();
      this.showTyping(false);
      this.showNotice(null);
      this.setComposerEnabled(false);
    }

    get server() {
      return (this.getAttribute("server") || window.location.origin).replace(/\/+$/, "");
    }

    get typingDelay() {
      const ms = Number(this.getAttribute("typing-delay"));
      return Number.isFinite(ms) && this.hasAttribute("typing-delay") ? Math.max(0, ms) : DEFAULT_TYPING_MS;
    }

    storageKey() {
      const facts = this.getAttribute("facts") || "";
      return `tactful:${this.server}|${this.getAttribute("policy") || ""}|${facts}|${this.signedFacts()}`;
    }

    /** The facts a token carries, read without checking it (the server checks it): the same customer keeps
     * their conversation when the page hands a freshly signed token for the same facts. */
    signedFacts() {
      const token = this.getAttribute("facts-token");
      if (!token) return "";
      try {
        const payload = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
        return JSON.stringify(JSON.parse(atob(payload)).facts ?? null);
      } catch {
        return token;
      }
    }

    async begin() {
      this.reset();
      this.running = true;
      const generation = ++this.generation;
      try {
        const saved = JSON.parse(sessionStorage.getItem(this.storageKey()) || "null");
        if (saved && saved.id && saved.token) {
          this.conversation = saved;
          const current = await this.request("GET", `/v1/conversations/${encodeURIComponent(saved.id)}`);
          if (generation !== this.generation) return;
          this.showTranscript(current);
        } else {
          const body = { facts: this.facts() };
          if (this.getAttribute("policy")) body.policy = this.getAttribute("policy");
          if (this.getAttribute("facts-token")) body.facts_token = this.getAttribute("facts-token");
          const started = await this.request("POST", "/v1/conversations", body);
          if (generation !== this.generation) return;
          this.conversation = { id: started.id, token: started.token };
          sessionStorage.setItem(this.storageKey(), JSON.stringify(this.conversation));
          this.showTurn(started.turn);
        }
      } catch (error) {
        if (generation !== this.generation) return;
        if (this.conversation && error instanceof ApiError && [403, 404].includes(error.status)) {
          sessionStorage.removeItem(this.storageKey());
          this.begin();
          return;
        }
        this.showProblem(`The chat could not start: ${error.message}`);
        return;
      }
      if (this.state !== "closed") this.startSocket(generation);
    }

    facts() {
      const raw = this.getAttribute("facts");
      if (!raw) return {};
      try {
        const parsed = JSON.parse(raw);
        return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? parsed : {};
      } catch {
        return {};
      }
    }

    async request(method, path, body) {
      const headers = { Accept: "application/json" };
      if (body !== undefined) headers["Content-Type"] = "application/json";
      if (this.conversation) headers.Authorization = `Bearer ${this.conversation.token}`;
      const response = await fetch(this.server + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const data = await response.json().catch(() => null);
      if (!response.ok) {
        const error = (data && data.error) || {};
        throw new ApiError(response.status, error.code || "http_error", error.message || response.statusText);
      }
      return data;
    }

    startSocket(generation) {
      const url = new URL(`${this.server}/v1/conversations/${encodeURIComponent(this.conversation.id)}/ws`);
      url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
      let socket;
      try {
        socket = new WebSocket(url);
      } catch {
        this.scheduleReconnect(generation);
        return;
      }
      this.socket = socket;
      this.socketReady = false;
      socket.addEventListener("open", () => socket.send(JSON.stringify({ token: this.conversation.token })));
      socket.addEventListener("message", (event) => this.onFrame(socket, event.data));
      socket.addEventListener("close", (event) => {
        if (this.socket !== socket) return;
        this.socket = null;
        this.socketReady = false;
        this.toggleAttribute("connected", false);
        this.setConnection("Reconnecting…");
        if (this.pending) this.pending.fail(new Error("connection lost"));
        if (event.code === 4403 || event.code === 4404 || this.state === "closed") return;
        this.scheduleReconnect(generation);
      });
    }

    scheduleReconnect(generation) {
      const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** this.attempts) * (0.75 + Math.random() * 0.5);
      this.attempts += 1;
      clearTimeout(this.reconnectTimer);
      this.reconnectTimer = setTimeout(() => {
        if (generation === this.generation && !this.socket) this.startSocket(generation);
      }, delay);
    }

    stopSocket() {
      clearTimeout(this.reconnectTimer);
      const socket = this.socket;
      this.socket = null;
      this.socketReady = false;
      this.toggleAttribute("connected", false);
      if (socket) socket.close(1000);
    }

    onFrame(socket, raw) {
      let frame;
      try {
        frame = JSON.parse(raw);
      } catch {
        return;
      }
      if (frame.type === "ready") {
        this.socketReady = true;
        this.toggleAttribute("connected", true);
        this.attempts = 0;
        this.setConnection("");
        if (!this.busy) this.catchUp(frame.conversation);
      } else if (frame.type === "pushed") {
        if (frame.turn.number > this.lastNumber) this.showTurn(frame.turn);
      } else if (this.pending && frame.reply_to === this.pending.id) {
        if (frame.type === "turn") this.pending.succeed(frame.turn);
        else this.pending.fail(new ApiError(0, frame.error.code, frame.error.message));
      }
    }

    catchUp(conversation) {
      const missed = conversation.turns.filter((turn) => turn.number > this.lastNumber);
      if (missed.length) this.showTranscript({ ...conversation, turns: missed }, { append: true });
    }

    sendText() {
      const text = this.ui.input.value.trim();
      if (!text || this.busy || !this.conversation) return;
      this.ui.input.value = "";
      this.deliver({ text }, text);
    }

    sendQuickReply(option) {
      if (this.busy || !this.conversation) return;
      this.deliver({ quick_reply: option.payload }, option.title);
      this.ui.input.focus();
    }

    async deliver(message, shownAs) {
      this.busy = true;
      this.addBubble("customer", shownAs);
      this.ui.quick.replaceChildren();
      this.showTyping(true);
      const generation = this.generation;
      try {
        const [turn] = await Promise.all([this.exchange(message), pause(this.typingDelay)]);
        if (generation !== this.generation) return;
        this.showTurn(turn);
      } catch (error) {
        if (generation !== this.generation) return;
        this.showProblem(`That message did not go through: ${error.message}`);
        this.showQuickReplies(this.lastQuickReplies);
      } finally {
        if (generation === this.generation) {
          this.busy = false;
          this.showTyping(false);
        }
      }
    }

    async exchange(content) {
      // The same message_id on a retry makes the server answer it once, however often it arrives.
      const message = { ...content, message_id: newMessageId() };
      if (this.socket && this.socketReady) {
        try {
          return await this.overSocket(message);
        } catch (error) {
          if (error instanceof ApiError) throw error;
        }
      }
      return this.request("POST", `/v1/conversations/${encodeURIComponent(this.conversation.id)}/messages`, message);
    }

    overSocket(message) {
      return new Promise((succeed, fail) => {
        const id = message.message_id;
        const timer = setTimeout(() => this.pending && this.pending.fail(new Error("no answer")), REPLY_TIMEOUT_MS);
        const settle = (callback) => (value) => {
          clearTimeout(timer);
          this.pending = null;
          callback(value);
        };
        this.pending = { id, succeed: settle(succeed), fail: settle(fail) };
        this.socket.send(JSON.stringify({ ...message, id }));
      });
    }

    showTranscript(conversation, { append = false } = {}) {
      let offered = append ? this.lastQuickReplies : [];
      for (const turn of conversation.turns) {
        if (turn.customer_text) this.addBubble("customer", turn.customer_text);
        else if (turn.quick_reply) {
          const chosen = offered.find((option) => option.payload === turn.quick_reply);
          this.addBubble("customer", chosen ? chosen.title : turn.quick_reply);
        }
        this.showTurn(turn);
        offered = turn.quick_replies;
      }
    }

    showTurn(turn) {
      this.lastNumber = Math.max(this.lastNumber, turn.number);
      for (const paragraph of turn.messages) {
        if (turn.person) this.addBubble("person", paragraph, turn.person);
        else this.addBubble("agent", paragraph);
      }
      this.state = turn.state;
      this.lastQuickReplies = turn.quick_replies;
      this.showQuickReplies(turn.state === "closed" ? [] : turn.quick_replies);
      this.showNotice(NOTICES[turn.state] ? turn.state : null);
      this.scrollToEnd();
      const open = turn.state !== "closed";
      this.setComposerEnabled(open);
      if (!open) this.stopSocket();
    }

    addBubble(who, text, name) {
      const bubble = document.createElement("p");
      bubble.className = `bubble ${who}`;
      const speaker = document.createElement("span");
      if (who === "person") {
        speaker.className = "name";
        speaker.textContent = name;
      } else {
        speaker.className = "sr-only";
        speaker.textContent = who === "agent" ? "Agent: " : who === "customer" ? "You: " : "";
      }
      const body = document.createElement("span");
      body.className = "text";
      body.textContent = text;
      bubble.append(speaker, body);
      this.ui.log.appendChild(bubble);
      this.scrollToEnd();
    }

    scrollToEnd() {
      // After the frame's layout, so that quick replies shown below do not hide the last bubble.
      cancelAnimationFrame(this.scrollFrame);
      this.scrollFrame = requestAnimationFrame(() => {
        this.ui.log.scrollTop = this.ui.log.scrollHeight;
      });
    }

    showProblem(text) {
      this.addBubble("problem", text);
    }

    showQuickReplies(options) {
      this.ui.quick.replaceChildren(
        ...options.map((option) => {
          const button = document.createElement("button");
          button.type = "button";
          button.textContent = option.title;
          button.addEventListener("click", () => this.sendQuickReply(option));
          return button;
        }),
      );
    }

    moveAmongQuickReplies(event) {
      const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
      if (!step) return;
      const buttons = [...this.ui.quick.querySelectorAll("button")];
      const at = buttons.indexOf(this.shadowRoot.activeElement);
      if (at < 0) return;
      event.preventDefault();
      buttons[(at + step + buttons.length) % buttons.length].focus();
    }

    showTyping(on) {
      this.ui.typing.hidden = !on;
      this.ui.status.textContent = on ? "The agent is typing…" : "";
    }

    showNotice(state) {
      const notice = this.ui.notice;
      notice.hidden = !state;
      notice.dataset.state = state || "";
      this.ui.noticeText.textContent = state ? NOTICES[state] : "";
      notice.querySelector("button")?.remove();
      if (state === "closed") {
        const again = document.createElement("button");
        again.type = "button";
        again.textContent = "Start a new conversation";
        again.addEventListener("click", () => this.restart());
        notice.appendChild(again);
      }
    }

    setComposerEnabled(enabled) {
      this.ui.input.disabled = !enabled;
      this.ui.send.disabled = !enabled;
      if (enabled && this.focusWhenReady) {
        this.focusWhenReady = false;
        requestAnimationFrame(() => this.ui.input.focus());
      }
    }

    setConnection(text) {
      this.ui.connection.textContent = text;
    }
  }

  if (!customElements.get("tactful-chat")) customElements.define("tactful-chat", TactfulChat);
})();
