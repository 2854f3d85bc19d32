/*
 * VN-brieven: what a reader can do on a page beyond reading it. Loaded as a file through
 * extra_javascript (no inline script, no inline style, no eval), so it runs under a
 * Content-Security-Policy with script-src 'self' and style-src 'self'.
 *
 * - "citeer" beside every permalink (¶) of a letter paragraph, question or answer: shows the
 *   ready citation, e.g.
 *     Kamerstukken II 2020/21, 26 150, nr. 187, p. 7, vraag 9, https://…/#vraag-9
 *     Inzetbrief "Inzet …", 18 september 2020, alinea 12 (Kamerstuk 26 150, nr. 187), https://…/#p-12
 *   built from the citation in the "Over deze brief" card (span.vn-citeer, generated with the page:
 *   .vn-citeer__brief and .vn-citeer__kamerstuk; read as text, never as markup), the permalink's
 *   data-page (the printed page the block starts on, when known) and data-label, and the address
 *   the page was opened at. Without JavaScript the permalink and the
 *   citation in the card remain.
 * - The search dialog (Pagefind's, overrides/partials/search.html) gets a Dutch accessible name
 *   (Pagefind names it "search" whatever the page's language).
 * - The skip link ("Ga naar inhoud", Material's .md-skip) leads to the page title
 *   (h1#paginatitel, overrides/partials/content.html), not past it to the first h2; a page
 *   without subheadings, which Material gives no skip link, gets one.
 */
(function () {
  "use strict";

  function pageAddress() {
    return window.location.href.split("#")[0];
  }

  function textOf(base, selector) {
    var el = base.querySelector(selector);
    return el ? el.textContent.replace(/\s+/g, " ").trim() : "";
  }

  function citationText(base, link) {
    var anchor = link.getAttribute("href").slice(1);
    var kamerstuk = textOf(base, ".vn-citeer__kamerstuk");
    var page = link.getAttribute("data-page");
    return textOf(base, ".vn-citeer__brief") + (/^[0-9]+$/.test(page || "") ? ", p. " + page : "") +
      ", " + link.getAttribute("data-label") +
      (kamerstuk ? " (" + kamerstuk + ")" : "") + ", " + pageAddress() + "#" + anchor;
  }

  function panelFor(link, base, button) {
    var id = "citeer-" + link.getAttribute("href").slice(1);
    var panel = document.getElementById(id);
    if (panel) {
      return panel;
    }
    panel = document.createElement("div");
    panel.className = "vn-citation";
    panel.id = id;
    var text = document.createElement("span");
    text.className = "vn-citation__text";
    panel.appendChild(text);
    if (navigator.clipboard && window.isSecureContext) {
      var copy = document.createElement("button");
      copy.type = "button";
      copy.className = "vn-citation__copy";
      copy.textContent = "kopieer";
      var status = document.createElement("span");
      status.className = "vn-citation__status";
      status.setAttribute("role", "status");
      copy.addEventListener("click", function () {
        navigator.clipboard.writeText(text.textContent).then(function () {
          status.textContent = "gekopieerd";
        }, function () {
          status.textContent = "kopiëren lukte niet; selecteer de tekst";
        });
      });
      panel.appendChild(document.createTextNode(" "));
      panel.appendChild(copy);
      panel.appendChild(document.createTextNode(" "));
      panel.appendChild(status);
    }
    var block = link.parentElement;
    if (block.tagName === "LI") {
      block.appendChild(panel);
    } else {
      block.parentNode.insertBefore(panel, block.nextSibling);
    }
    button.setAttribute("aria-controls", id);
    return panel;
  }

  function addCiteButtons() {
    var base = document.querySelector(".vn-citeer");
    if (base && !base.querySelector(".vn-citeer__brief")) {
      base = null;
    }
    if (!base) {
      return;
    }
    var links = document.querySelectorAll("article a.vn-permalink[data-label]");
    Array.prototype.forEach.call(links, function (link) {
      if (link.nextElementSibling && link.nextElementSibling.classList.contains("vn-cite-button")) {
        return;
      }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "vn-cite-button";
      button.textContent = "citeer";
      button.setAttribute("aria-label", "Citeer " + link.getAttribute("data-label"));
      button.setAttribute("aria-expanded", "false");
      button.addEventListener("click", function () {
        var panel = panelFor(link, base, button);
        var open = button.getAttribute("aria-expanded") !== "true";
        panel.hidden = !open;
        button.setAttribute("aria-expanded", String(open));
        if (open) {
          var text = panel.querySelector(".vn-citation__text");
          text.textContent = citationText(base, link);
          var status = panel.querySelector(".vn-citation__status");
          if (status) {
            status.textContent = "";
          }
          window.getSelection().selectAllChildren(text);
        }
      });
      link.parentNode.insertBefore(button, link.nextSibling);
      link.parentNode.insertBefore(document.createTextNode(" "), button);
    });
  }

  function nameSearchDialog() {
    var dialog = document.querySelector(".vn-search dialog");
    if (dialog) {
      dialog.setAttribute("aria-label", "Zoeken");
    }
  }

  function skipToTitle() {
    var title = document.getElementById("paginatitel");
    var holder = document.querySelector("[data-md-component=skip]");
    if (!title || !holder) {
      return;
    }
    var link = holder.querySelector("a.md-skip");
    if (!link) {
      link = document.createElement("a");
      link.className = "md-skip";
      link.textContent = "Ga naar inhoud";
      holder.appendChild(link);
    }
    link.setAttribute("href", "#paginatitel");
  }

  function setup() {
    skipToTitle();
    nameSearchDialog();
    addCiteButtons();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
