/*
 * VN-brieven: the search results and what happens when one is opened (issue 18).
 *
 * - Every result in the search dialog (Pagefind's Component UI, overrides/partials/search.html)
 *   says what it is and when: "Inzetbrief · 1 september 2017", "Land", "Thema", from the Pagefind
 *   metadata soort and datum (overrides/partials/vn-finding.html). The renderer is the Component
 *   UI's own hook for it (the resultTemplate property of <pagefind-results>).
 * - A result leads to the paragraph that matched: the anchor (p-N, antwoord-N, vraag-N or a
 *   heading) that comes last before the best-scoring hit in the page, from the anchors and hit
 *   locations Pagefind returns with every result. Its address carries the search words
 *   (?pagefind-highlight=…, <pagefind-config highlight-param>) and the words of the page that
 *   matched them (a stem: 'klimaattoppen' finds 'klimaattop'), and on the page they lead to
 *   Pagefind's pagefind-highlight.js marks them (<mark class="pagefind-highlight">, styled in
 *   vn-brieven.css; its own inline <style> is switched off: the CSP allows none).
 * A file through extra_javascript (no inline script, no eval). Titles and metadata are set as
 * text; the excerpt is Pagefind's, which escapes the page text and adds only <mark>.
 */
(function () {
  "use strict";

  var PARAM = "pagefind-highlight";
  var ANCHOR = /^(p|antwoord|vraag)-\d+$/;
  var HEADING = /^h[2-6]$/i;
  var MAX_MARKED = 8;         // different matched words put in a result's address
  var RANKING = {metaWeights: {title: 5, brief: 10}, pageLength: 0.3};

  function bundleUrl(file) {
    var script = document.querySelector('script[src*="pagefind/pagefind-component-ui.js"]');
    return script ? new URL(file, script.src).href : null;
  }

  /* The anchor of the block holding the best hit: the last paragraph, answer, question or heading
     anchor at or before it. '' when the hit is before any (the title). */
  function anchorFor(result) {
    var hits = (result.weighted_locations || []).slice();
    if (!hits.length) {
      return "";
    }
    hits.sort(function (a, b) {
      return (b.balanced_score - a.balanced_score) || (a.location - b.location);
    });
    var best = hits[0].location;
    var found = "";
    (result.anchors || []).forEach(function (a) {
      if (a.id && a.location <= best && (ANCHOR.test(a.id) || HEADING.test(a.element))) {
        found = a.id;
      }
    });
    return found;
  }

  /* The words of the page that matched, as written there (Pagefind matches stems: 'klimaattoppen'
     finds 'klimaattop'), for pagefind-highlight.js, which marks only the words it is given. */
  function matchedWords(result) {
    var words = (result.content || "").split(/\s+/);
    var found = [];
    var seen = [];
    (result.locations || []).forEach(function (location) {
      var word = (words[location] || "").replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
      if (word && found.length < MAX_MARKED && seen.indexOf(word.toLowerCase()) < 0) {
        found.push(word);
        seen.push(word.toLowerCase());
      }
    });
    return found;
  }

  function resultUrl(result, id) {
    var url = new URL(result.url, window.location.href);
    var terms = url.searchParams.getAll(PARAM).map(function (t) { return t.toLowerCase(); });
    matchedWords(result).forEach(function (word) {
      if (terms.indexOf(word.toLowerCase()) < 0) {
        url.searchParams.append(PARAM, word);
      }
    });
    url.hash = id ? "#" + encodeURIComponent(id) : "";
    return url.href;
  }

  function element(tag, className, text) {
    var el = document.createElement(tag);
    el.className = className;
    if (text !== undefined) {
      el.textContent = text;
    }
    return el;
  }

  function renderResult(result) {
    var meta = result.meta || {};
    var item = element("li", "pf-result vn-result");
    var card = element("div", "pf-result-card");
    var content = element("div", "pf-result-content");
    var title = element("p", "pf-result-title");
    var link = element("a", "pf-result-link", meta.title || result.url);
    link.href = resultUrl(result, anchorFor(result));
    title.appendChild(link);
    content.appendChild(title);
    var facts = [meta.soort, meta.datum].filter(Boolean).join(" · ");
    if (facts) {
      content.appendChild(element("p", "vn-result__soort", facts));
    }
    if (result.excerpt) {
      var excerpt = element("p", "pf-result-excerpt");
      excerpt.innerHTML = result.excerpt;          // Pagefind's: escaped page text and <mark>
      content.appendChild(excerpt);
    }
    card.appendChild(content);
    item.appendChild(card);
    var subs = (result.sub_results || []).filter(function (s) {
      return s.url.indexOf("#") >= 0;                 // a heading of the page, not the page itself
    }).slice(0, 3);
    if (subs.length) {
      var chips = element("ul", "pf-heading-chips");
      subs.forEach(function (sub) {
        var chip = element("li", "pf-heading-chip");
        var a = element("a", "pf-heading-link", sub.title);
        a.href = resultUrl(result, decodeURIComponent(sub.url.split("#")[1] || ""));
        chip.appendChild(a);
        var p = element("p", "pf-heading-excerpt");
        p.innerHTML = sub.excerpt;
        chip.appendChild(p);
        chips.appendChild(chip);
      });
      item.appendChild(chips);
    }
    return item;
  }

  function useRenderer() {
    var results = document.querySelectorAll(".vn-search pagefind-results");
    Array.prototype.forEach.call(results, function (el) {
      el.resultTemplate = renderResult;
    });
  }

  function highlightOnArrival() {
    if (!new URLSearchParams(window.location.search).getAll(PARAM).length) {
      return;
    }
    var url = bundleUrl("pagefind-highlight.js");
    if (!url) {
      return;
    }
    import(url).then(function (module) {
      var Highlight = module.default || window.PagefindHighlight;
      new Highlight({highlightParam: PARAM, addStyles: false});
      var target = window.location.hash ? document.getElementById(decodeURIComponent(window.location.hash.slice(1))) : null;
      var first = (target && target.querySelector("mark.pagefind-highlight")) ||
        document.querySelector("[data-pagefind-body] mark.pagefind-highlight");
      if (first && !target) {
        first.scrollIntoView({block: "center"});
      }
    }).catch(function (error) {
      if (window.console) {
        window.console.warn("VN-brieven: the search words could not be marked", error);
      }
    });
  }

  /* Letters first: only letters have the meta field brief (their title), and a hit in it adds to
     the score (Pagefind's ranking.metaWeights; title keeps Pagefind's default 5), so a query that
     matches a letter's title lists that letter first; pageLength 0 stops Pagefind from favouring
     short pages, which put the short theme, country and Q&A pages before the long letters that
     hold the words (measured with tests/test_finding.py's queries: 'mensenrechtenverdedigers'
     and 'klimaattoppen' had the letter 3rd or lower, now 1st; a page titled with the query, such
     as Mali or the theme Vredesmissies, stays first). Set before the first search loads Pagefind. */
  function rankLettersFirst() {
    var components = window.PagefindComponents;
    if (!components || !components.getInstanceManager) {
      return;
    }
    var instance = components.getInstanceManager().getInstance("default");
    var options = instance.pagefindOptions || {};
    options.ranking = Object.assign({}, options.ranking, RANKING);
    instance.pagefindOptions = options;
  }

  rankLettersFirst();
  useRenderer();
  if (window.customElements && window.customElements.whenDefined) {
    window.customElements.whenDefined("pagefind-results").then(useRenderer);
  }
  highlightOnArrival();
}());
