// The "from role → to role" form of the career-path and skill-gap views (type-ahead boxes, swap, submit).

import { get, seg } from "./api.js";
import { combobox } from "./combobox.js";
import { h } from "./dom.js";
import { navigate, routeHref } from "./router.js";
import { roleOf } from "./view-role.js";

/** The title of a role id (the id itself when the API does not know it). */
export async function titleOf(id) {
  if (!id) return "";
  try {
    const data = await get(`/roles/${seg(id)}`);
    return roleOf(data.role || data).title || id;
  } catch {
    return id;
  }
}

/**
 * @param {object} o
 * @param {string} o.view        the route to go to on submit ("path" or "gap")
 * @param {string} o.idPrefix    element ids: `${idPrefix}-from`, `${idPrefix}-to`
 * @param {string} o.submit      the button text
 * @param {Node[]} [o.extra]     more fields before the button (they add to the route by `name`)
 */
export function pairForm({ view, idPrefix, submit, fromId, toId, fromTitle, toTitle, extra = [] }) {
  const from = combobox({ id: `${idPrefix}-from`, label: "From role", placeholder: "e.g. Manager, Infrastructure", value: fromTitle, selected: fromId ? { id: fromId, name: fromTitle } : null, onSelect: () => to.focus() });
  const to = combobox({ id: `${idPrefix}-to`, label: "To role", placeholder: "e.g. VP of Infrastructure", value: toTitle, selected: toId ? { id: toId, name: toTitle } : null, onSelect: () => {} });
  const valueOf = (box) => (box.selected ? box.selected.id : box.input.value.trim());
  return h(
    "form",
    {
      class: "toolbar path-form",
      onsubmit: (e) => {
        e.preventDefault();
        const a = valueOf(from);
        const b = valueOf(to);
        if (!a || !b) {
          (a ? to : from).focus();
          return;
        }
        const params = { from: a, to: b };
        for (const field of e.target.querySelectorAll("select[name]")) params[field.name] = field.value;
        navigate(routeHref(view, null, params));
      },
    },
    from.el,
    h(
      "button",
      {
        type: "button",
        class: "icon-btn swap",
        "aria-label": "Swap from and to",
        title: "Swap",
        onclick: () => {
          const a = from.selected;
          const av = from.input.value;
          from.set(to.selected || null);
          if (!to.selected) from.input.value = to.input.value;
          to.set(a);
          if (!a) to.input.value = av;
        },
      },
      "⇄",
    ),
    to.el,
    ...extra,
    h("button", { type: "submit", class: "btn btn-primary" }, submit),
  );
}
