/* Working Together: the decision-tree navigator.
 *
 * Progressive enhancement over the static "Step by step" section of a tree page:
 * every question there is a heading followed by a list of answer links (#node-...),
 * every outcome a block with its citations. This script reads that HTML and shows
 * one question at a time. The answers so far live in the URL fragment
 * (#path=0.1 = first answer, then second answer), which never leaves the browser,
 * so back/forward, reload and shared links all work. Nothing is sent anywhere.
 */
(function () {
  "use strict";

  function text(element) {
    return element ? element.textContent.replace(/\s+/g, " ").trim() : "";
  }

  function el(tag, attributes, children) {
    var element = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === "text") element.textContent = attributes[name];
      else element.setAttribute(name, attributes[name]);
    });
    (children || []).forEach(function (child) { element.appendChild(child); });
    return element;
  }

  /* A copy of static content without ids, so the page never has two elements with one id. */
  function copy(node) {
    var clone = node.cloneNode(true);
    if (clone.removeAttribute) clone.removeAttribute("id");
    if (clone.querySelectorAll) clone.querySelectorAll("[id]").forEach(function (e) { e.removeAttribute("id"); });
    return clone;
  }

  function Navigator(root) {
    this.root = root;
    this.nodes = {};
    var self = this;
    document.querySelectorAll(".wt-node[data-node]").forEach(function (node) {
      self.nodes[node.getAttribute("data-node")] = node;
    });
    this.start = root.getAttribute("data-start");
    // The question a link into the middle of the tree (#node-...) resumes at; null when walking from the start.
    this.from = null;
    // The question the page was opened at, so Back to that entry shows it again.
    this.landing = null;
    // Material defines no visually-hidden class of its own, so ours is in working-together.css.
    this.live = el("p", { "class": "wt-visually-hidden", "aria-live": "polite" });
    this.view = el("div", { "class": "wt-navigator__view" });
    root.appendChild(el("h2", { "class": "wt-navigator__title", text: "Find your next step" }));
    root.appendChild(this.view);
    root.appendChild(this.live);
    root.classList.add("wt-navigator--ready");
  }

  Navigator.prototype.answers = function (node) {
    if (!node.classList.contains("wt-node--question")) return [];
    return Array.prototype.slice.call(node.querySelectorAll(":scope > ul a[href^='#node-']"));
  };

  /* The path chosen so far: [{node, answer index, answer text}], stopping at anything invalid. */
  Navigator.prototype.walk = function (indices) {
    var steps = [];
    var first = this.nodes[this.from] || this.nodes[this.start];
    var current = first;
    for (var i = 0; i < indices.length && current; i++) {
      var answers = this.answers(current);
      var link = answers[indices[i]];
      if (!link) break;
      steps.push({ node: current, index: indices[i], answer: text(link) });
      current = this.nodes[link.getAttribute("href").slice(1)];
    }
    return { steps: steps, current: current || first };
  };

  Navigator.prototype.go = function (indices) {
    var hash = (this.from ? "#from=" + this.from + ";path=" : "#path=") + indices.join(".");
    // Render on the click itself (not a task later, on hashchange); pushState keeps the answer in the history, so
    // Back still fires hashchange and goes one step back. The entry is written in the next task, once the step is
    // drawn: Chromium's same-document navigation took about half of a step's time (issue 21 item 6), and the
    // reader is waiting for the step, not for the address bar.
    this.render(indices, "focus");
    setTimeout(function () { if (location.hash !== hash) history.pushState(null, "", hash); }, 0);
  };

  /* how: "focus" moves focus to the new step's heading, which a screen reader reads, so the live region stays
     silent (each step is announced once); "announce" (Back/Forward) speaks the step through the live region
     instead, unless focus was in the step just removed: then it moves to the new heading, as "focus" does, rather
     than falling to <body>; "quiet" (page load) does neither. */
  Navigator.prototype.render = function (indices, how) {
    var self = this;
    var state = this.walk(indices);
    var view = this.view;
    if (how === "announce" && view.contains(document.activeElement)) how = "focus";
    view.textContent = "";

    if (state.steps.length) {
      var trail = el("ol", { "class": "wt-trail" });
      state.steps.forEach(function (step, position) {
        var change = el("button", { type: "button", "class": "md-button wt-trail__change" });
        change.textContent = "Change";
        change.appendChild(el("span", { "class": "wt-visually-hidden", text: " answer to: " + text(step.node.querySelector("h3")) }));
        change.addEventListener("click", function () { self.go(indices.slice(0, position)); });
        trail.appendChild(el("li", {}, [
          el("span", { text: text(step.node.querySelector("h3")) + " " }),
          el("strong", { text: step.answer }),
          document.createTextNode(" "),
          change
        ]));
      });
      view.appendChild(el("nav", { "aria-label": "Your answers so far" }, [trail]));
    }

    var node = state.current;
    var heading = el("h3", {
      tabindex: "-1", id: "wt-navigator-step", "class": "wt-navigator__step", text: text(node.querySelector("h3"))
    });
    view.appendChild(heading);
    var answers = this.answers(node);
    var taken = state.steps.map(function (step) { return step.index; });
    var announcement;
    if (answers.length) {
      Array.prototype.forEach.call(node.children, function (child) {
        if (child.tagName === "P" && !child.classList.contains("wt-answers-label")) view.appendChild(copy(child));
      });
      // Named by the question, so "Yes" and "No" keep their context in a screen reader's list of buttons.
      var group = el("div", { role: "group", "aria-labelledby": "wt-navigator-step", "class": "wt-navigator__answers" });
      answers.forEach(function (link, index) {
        var button = el("button", { type: "button", "class": "md-button md-button--primary", text: text(link) });
        button.addEventListener("click", function () { self.go(taken.concat([index])); });
        group.appendChild(button);
      });
      view.appendChild(group);
      announcement = "Question " + (state.steps.length + 1) + ": " + heading.textContent;
    } else {
      Array.prototype.forEach.call(node.children, function (child) {
        if (child.tagName !== "H3" && !child.querySelector("a.wt-start-again")) view.appendChild(copy(child));
      });
      var print = el("button", { type: "button", "class": "md-button md-button--primary", text: "Print a record of this path" });
      print.addEventListener("click", function () { self.printRecord(state, heading.textContent); });
      view.appendChild(print);
      announcement = "Outcome: " + heading.textContent;
    }
    if (state.steps.length) {
      var restart = el("button", { type: "button", "class": "md-button", text: "Start again" });
      restart.addEventListener("click", function () { self.from = null; self.go([]); });
      view.appendChild(restart);
    }
    this.live.textContent = how === "announce" ? announcement : "";
    if (how === "focus") heading.focus();
  };

  /* A dated record of the path, printed on its own; built here and never sent anywhere. */
  Navigator.prototype.printRecord = function (state, outcome) {
    var old = document.querySelector(".wt-record");
    if (old) old.remove();
    var steps = el("ol", {}, state.steps.map(function (step) {
      return el("li", { text: text(step.node.querySelector("h3")) + " — " + step.answer });
    }));
    var body = el("div", {});
    Array.prototype.forEach.call(state.current.children, function (child) {
      if (child.tagName !== "H3" && !child.querySelector("a.wt-start-again")) body.appendChild(copy(child));
    });
    var record = el("div", { "class": "wt-record" }, [
      el("h1", { text: "Record: " + this.root.getAttribute("data-title") }),
      el("p", { text: "Printed " + new Date().toLocaleString("en-GB") + " · Working Together " +
        this.root.getAttribute("data-edition") + " edition · " + location.href }),
      el("h2", { text: "Answers given" }), steps,
      el("h2", { text: "Outcome: " + outcome }), body
    ]);
    document.body.appendChild(record);
    document.body.classList.add("wt-printing-record");
    window.addEventListener("afterprint", function () {
      document.body.classList.remove("wt-printing-record");
    }, { once: true });
    window.print();
  };

  /* The navigator's state in the fragment: {from, indices}, or null for a fragment that is not the navigator's.
     "#path=0.1" walks from the tree's first question; "#from=node-x;path=0.1" from the question a link resumed at;
     "#node-x", the link itself, is that question before any answer (only for the question the page opened at or resumes from,
     since the static steps' own #node- links must leave the navigator as it is). */
  function stateFromHash(navigator) {
    var match = /^#(?:from=(node-[\w-]+);)?path=([0-9.]*)$/.exec(location.hash);
    if (match) return { from: match[1] || null, indices: match[2] ? match[2].split(".").map(Number) : [] };
    var node = /^#(node-[\w-]+)$/.exec(location.hash);
    if (node && (node[1] === navigator.landing || node[1] === navigator.from)) return { from: node[1], indices: [] };
    return null;
  }

  function isQuestion(navigator, id) {
    var node = navigator.nodes[id];
    return Boolean(node && node.classList.contains("wt-node--question"));
  }

  var active = null;

  function mount() {
    var root = document.querySelector(".wt-navigator[data-start]");
    if (!root) { active = null; return; }
    if (!root.classList.contains("wt-navigator--ready")) active = new Navigator(root);
    var opened = /^#(node-[\w-]+)$/.exec(location.hash);
    if (opened && isQuestion(active, opened[1])) active.landing = opened[1];
    var state = stateFromHash(active) || { from: null, indices: [] };
    if (state.from && !isQuestion(active, state.from)) state = { from: null, indices: [] };
    active.from = state.from;
    active.render(state.indices, "quiet");
  }

  // An empty fragment is the start (the browser's back button to the bare page); #node-... anchors
  // belong to the static steps and leave the navigator as it is.
  window.addEventListener("hashchange", function () {
    if (!active) return;
    var state = location.hash.length > 1 ? stateFromHash(active) : { from: null, indices: [] };
    if (!state || (state.from && !isQuestion(active, state.from))) return;
    active.from = state.from;
    active.render(state.indices, "announce");
  });

  // Material's document$ re-runs page scripts after instant navigation; plain load otherwise.
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(mount);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount);
  else mount();
})();
