/*
 * VN-brieven: the list of all letters on brieven/ (issue 18), filtered by year, kind, theme and
 * signatory and sorted by date, PAGE letters at a time. The letters are not in the page: their
 * pages carry Pagefind filters, a sort key and metadata (overrides/partials/vn-finding.html), and
 * this asks Pagefind's JavaScript API (site/pagefind/pagefind.js, an instance of its own) for
 *   search(null, {filters: {type: "brief", jaar: …}, sort: {datum: "desc"}})
 * which lists every matching page without a search term; only the shown page's records are
 * fetched. The choices are in the address (?jaar=2020&soort=Inzetbrief&pagina=2), so a filtered
 * list can be linked to and survives going back. Without JavaScript the block stays hidden and the year
 * pages (jaren/<year>/) list every letter.
 * A file through extra_javascript (no inline script, no eval): it runs under the site's CSP.
 * Letter titles and other data are set as text (textContent), never as markup.
 */
(function () {
  "use strict";

  var PAGE = 20;              // letters a page; ?per=N (1–100) asks for another number
  var MAX_PAGE = 100;
  var FILTERS = ["jaar", "soort", "thema", "ondertekenaar"];
  var root = document.getElementById("vn-lijst");
  if (!root) {
    return;
  }
  var siteRoot = new URL(root.getAttribute("data-root") || "../", window.location.href);
  var form = document.getElementById("vn-lijst-form");
  var status = document.getElementById("vn-lijst-status");
  var list = document.getElementById("vn-lijst-brieven");
  var previous = document.getElementById("vn-lijst-vorige");
  var next = document.getElementById("vn-lijst-volgende");
  var pageLabel = document.getElementById("vn-lijst-pagina");
  var per = parseInt(new URLSearchParams(window.location.search).get("per") || "", 10);
  var size = per >= 1 && per <= MAX_PAGE ? per : PAGE;
  var instance = null;
  var results = [];
  var page = 0;
  var query = 0;

  function select(name) {
    return form.elements[name];
  }

  function collator() {
    return new Intl.Collator("nl", {numeric: true, sensitivity: "base"});
  }

  function fillOptions(name, counts) {
    var el = select(name);
    var values = Object.keys(counts || {});
    var order = collator();
    values.sort(name === "jaar" ? function (a, b) { return order.compare(b, a); } : order.compare);
    values.forEach(function (value) {
      var option = document.createElement("option");
      option.value = value;
      option.textContent = value + " (" + counts[value] + ")";
      el.appendChild(option);
    });
  }

  function fromAddress() {
    var params = new URLSearchParams(window.location.search);
    FILTERS.forEach(function (name) {
      var value = params.get(name);
      var el = select(name);
      if (value && Array.prototype.some.call(el.options, function (o) { return o.value === value; })) {
        el.value = value;
      }
    });
    if (params.get("volgorde") === "asc") {
      select("volgorde").value = "asc";
    }
    var wanted = parseInt(params.get("pagina") || "1", 10);
    return wanted > 0 ? wanted - 1 : 0;
  }

  function toAddress() {
    var params = new URLSearchParams();
    FILTERS.forEach(function (name) {
      if (select(name).value) {
        params.set(name, select(name).value);
      }
    });
    if (select("volgorde").value === "asc") {
      params.set("volgorde", "asc");
    }
    if (size !== PAGE) {
      params.set("per", String(size));
    }
    if (page > 0) {
      params.set("pagina", String(page + 1));
    }
    var search = params.toString();
    window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
  }

  function chosenFilters() {
    var filters = {type: "brief"};
    FILTERS.forEach(function (name) {
      if (select(name).value) {
        filters[name] = select(name).value;
      }
    });
    return filters;
  }

  function letterItem(data) {
    var meta = data.meta || {};
    var item = document.createElement("li");
    item.className = "vn-lijst__brief";
    var link = document.createElement("a");
    link.href = new URL(data.url.replace(/^\//, ""), siteRoot).href;
    link.textContent = meta.title || data.url;
    var title = document.createElement("p");
    title.className = "vn-lijst__titel";
    title.appendChild(link);
    var facts = document.createElement("p");
    facts.className = "vn-lijst__gegevens";
    facts.textContent = [meta.datum, meta.soort, meta.vindplaats].filter(Boolean).join(" · ");
    item.appendChild(title);
    item.appendChild(facts);
    return item;
  }

  function show(moveFocus) {
    var total = results.length;
    var pages = Math.max(1, Math.ceil(total / size));
    page = Math.min(page, pages - 1);
    var start = page * size;
    var shown = results.slice(start, start + size);
    var mine = ++query;
    return Promise.all(shown.map(function (r) { return r.data(); })).then(function (records) {
      if (mine !== query) {
        return;
      }
      list.textContent = "";
      list.start = start + 1;
      records.forEach(function (data) { list.appendChild(letterItem(data)); });
      status.textContent = total === 0 ? "Geen brieven met deze keuze." :
        (total === 1 ? "1 brief." : total + " brieven" +
          (pages > 1 ? ", " + (start + 1) + "–" + (start + shown.length) + " getoond." : "."));
      pageLabel.textContent = pages > 1 ? "pagina " + (page + 1) + " van " + pages : "";
      previous.hidden = next.hidden = pages <= 1;
      previous.disabled = page === 0;
      next.disabled = page >= pages - 1;
      toAddress();
      if (moveFocus && list.firstElementChild) {
        list.firstElementChild.querySelector("a").focus();
      }
    });
  }

  function update(keepPage) {
    var mine = ++query;
    status.textContent = "Bezig met zoeken…";
    return instance.search(null, {filters: chosenFilters(), sort: {datum: select("volgorde").value}})
      .then(function (found) {
        if (mine !== query) {
          return;
        }
        results = found.results;
        if (!keepPage) {
          page = 0;
        }
        return show(false);
      });
  }

  function start(pagefind) {
    instance = pagefind.createInstance({basePath: new URL("pagefind/", siteRoot).href,
                                        baseUrl: siteRoot.pathname});
    return instance.filters().then(function (counts) {
      FILTERS.forEach(function (name) { fillOptions(name, counts[name]); });
      page = fromAddress();
      root.hidden = false;
      form.addEventListener("change", function () { update(false); });
      form.addEventListener("submit", function (event) { event.preventDefault(); });
      form.addEventListener("reset", function () {
        window.setTimeout(function () { update(false); }, 0);
      });
      previous.addEventListener("click", function () { page -= 1; show(true); });
      next.addEventListener("click", function () { page += 1; show(true); });
      return update(true);
    });
  }

  import(new URL("pagefind/pagefind.js", siteRoot).href).then(start).catch(function (error) {
    // The year pages (linked below) still list every letter.
    root.hidden = true;
    if (window.console) {
      window.console.warn("VN-brieven: the list of letters could not be loaded", error);
    }
  });
}());
