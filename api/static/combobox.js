// An ARIA 1.2 combobox with a type-ahead listbox over GET /search (roles, skills and KPIs).
//
// Keyboard: ArrowDown/ArrowUp move, Enter picks (the first hit when none is active), Escape closes
// (and clears on a second press), Home/End stay in the text box.

import { get } from "./api.js";
import { debounce, h, uid } from "./dom.js";

const KIND_LABEL = { role: "Roles", skill: "Skills", kpi: "KPIs" };
const KIND_KEY = { role: "roles", skill: "skills", kpi: "kpis" };

function hitsOf(body, kinds) {
  const hits = [];
  for (const kind of kinds) {
    const list = (body && (body[KIND_KEY[kind]] || body[kind])) || [];
    for (const hit of list) {
      const role = hit.role || null; // /roles?q= style hits carry {role: {...}}
      hits.push({
        kind,
        id: hit.id || (role && role.id),
        name: hit.name || hit.title || (role && role.title) || hit.id,
        matched: hit.matched || null,
        detail: role ? [role.level, role.family].filter(Boolean).join(" · ") : hit.category || null,
      });
    }
  }
  return hits.filter((hit) => hit.id);
}

/**
 * @param {object} opts
 * @param {string} opts.label       visible (or visually hidden) label text
 * @param {string[]} [opts.kinds]   which kinds to offer: "role", "skill", "kpi"
 * @param {(hit) => void} opts.onSelect
 * @param {string} [opts.value]     initial text
 * @param {string} [opts.placeholder]
 * @param {boolean} [opts.hideLabel]
 * @param {string} [opts.id]
 */
export function combobox(opts) {
  const kinds = opts.kinds || ["role"];
  const inputId = opts.id || uid("combo");
  const listId = `${inputId}-list`;
  const statusId = `${inputId}-status`;
  let hits = [];
  let active = -1;
  let seq = 0;
  let selected = opts.selected || null;

  const input = h("input", {
    id: inputId,
    type: "text",
    class: "combo-input",
    role: "combobox",
    autocomplete: "off",
    spellcheck: "false",
    "aria-autocomplete": "list",
    "aria-expanded": "false",
    "aria-controls": listId,
    placeholder: opts.placeholder || "",
    value: opts.value || "",
  });
  const list = h("ul", { id: listId, role: "listbox", class: "combo-list", hidden: true, "aria-label": opts.label });
  const status = h("span", { id: statusId, class: "visually-hidden", role: "status", "aria-live": "polite" });
  const label = h("label", { for: inputId, class: ["combo-label", opts.hideLabel && "visually-hidden"] }, opts.label);
  const root = h("div", { class: ["combo", opts.className] }, label, h("div", { class: "combo-box" }, input, list), status);

  function open() {
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }
  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }
  function setActive(index) {
    const options = list.querySelectorAll("[role=option]");
    options.forEach((o, i) => o.setAttribute("aria-selected", i === index ? "true" : "false"));
    active = index;
    if (index >= 0 && options[index]) {
      input.setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }
  function pick(index) {
    const hit = hits[index];
    if (!hit) return;
    selected = hit;
    input.value = hit.name;
    close();
    opts.onSelect(hit);
  }

  function render(query) {
    list.replaceChildren();
    if (!hits.length) {
      list.appendChild(h("li", { class: "combo-empty", role: "presentation" }, `No match for “${query}”. Try fewer letters or another word.`));
      status.textContent = "No results";
      open();
      return;
    }
    let lastKind = null;
    hits.forEach((hit, i) => {
      if (kinds.length > 1 && hit.kind !== lastKind) {
        list.appendChild(h("li", { class: "combo-group", role: "presentation" }, KIND_LABEL[hit.kind]));
        lastKind = hit.kind;
      }
      const alias = hit.matched && hit.matched !== hit.name ? `matches “${hit.matched}”` : null;
      list.appendChild(
        h(
          "li",
          {
            id: `${inputId}-opt-${i}`,
            role: "option",
            class: `combo-option kind-${hit.kind}`,
            "aria-selected": "false",
            dataset: { id: hit.id },
            onmousedown: (e) => e.preventDefault(),
            onclick: () => pick(i),
          },
          h("span", { class: `kind-badge kind-${hit.kind}`, "aria-hidden": "true" }, hit.kind === "kpi" ? "KPI" : hit.kind),
          h("span", { class: "combo-name" }, hit.name),
          alias || hit.detail ? h("span", { class: "combo-detail" }, alias || hit.detail) : null,
        ),
      );
    });
    status.textContent = `${hits.length} result${hits.length === 1 ? "" : "s"}; use the arrow keys to choose`;
    open();
    setActive(-1);
  }

  const lookup = debounce(async (query) => {
    const mine = ++seq;
    try {
      const body = await get("/search", { q: query, limit: 8 });
      if (mine !== seq) return;
      hits = hitsOf(body, kinds);
      render(query);
    } catch (err) {
      if (mine !== seq) return;
      hits = [];
      list.replaceChildren(h("li", { class: "combo-empty", role: "presentation" }, `Search failed: ${err.message}`));
      open();
    }
  }, 120);

  input.addEventListener("input", () => {
    selected = null;
    const query = input.value.trim();
    if (!query) {
      seq++;
      lookup.cancel();
      hits = [];
      close();
      return;
    }
    lookup(query);
  });
  input.addEventListener("keydown", (e) => {
    const count = hits.length;
    if (e.key === "ArrowDown") {
      e.preventDefault();
      if (list.hidden && input.value.trim()) lookup(input.value.trim());
      else if (count) setActive((active + 1) % count);
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      if (count) setActive(active <= 0 ? count - 1 : active - 1);
    } else if (e.key === "Enter") {
      if (!list.hidden && count) {
        e.preventDefault();
        pick(active >= 0 ? active : 0);
      }
    } else if (e.key === "Escape") {
      if (!list.hidden) {
        e.preventDefault();
        close();
      } else if (input.value) {
        input.value = "";
        selected = null;
      }
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 120));

  return {
    el: root,
    input,
    get selected() {
      return selected;
    },
    set(hit) {
      selected = hit;
      input.value = hit ? hit.name : "";
    },
    focus() {
      input.focus();
    },
  };
}
