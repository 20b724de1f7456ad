/*!
 * Kotae contact-form deflection widget.
 *
 * Embed with one tag on the page that holds the contact form:
 *
 *   <script src="https://help.example.com/widgets/widget-contact-deflect/deflect.js"
 *           data-form="#contact" data-subject="[name=subject]" data-description="[name=description]"
 *           data-locale="ja" defer></script>
 *
 * While the customer types the subject and description, up to three help-center articles are suggested in
 * a panel after the description field. Each expands to its answer in place, with a link to the full
 * article and a "this solved my problem" button. The form itself is never blocked or delayed.
 *
 * The helpers every Kotae widget shares (fetch with a timeout, events with a beacon fallback, the session
 * id, escaping, the messages in both languages) come from the help center's widget runtime,
 * /widgets/runtime.js, which this script loads once per page before it starts.
 *
 * Plain ES2018, no dependencies, no inline styles (deflect.css is loaded from next to this file), so it
 * works under a strict Content-Security-Policy that allows this server in script-src, style-src and
 * connect-src. Every text from the server is inserted as text, except search snippets (reduced to text and
 * <mark>) and article bodies (sanitised by the server).
 */
(function () {
  'use strict';

  var DEBOUNCE_MS = 250;
  var MAX_QUERY_CHARS = 500; // the endpoint refuses longer queries

  // document.currentScript is only set while this file first runs, so everything about the tag is read now.
  var script = document.currentScript;
  if (!script || !script.src) {
    return;
  }
  var config = {
    form: script.getAttribute('data-form') || 'form',
    subject: script.getAttribute('data-subject') || '[name=subject]',
    description: script.getAttribute('data-description') || '[name=description]'
  };
  var runtime; // window.KotaeWidgets, and this widget's context in it: both set before start() runs
  var widget;
  var text;
  var el;

  /** Starts once the runtime is there and the page is parsed. */
  function begin(loaded) {
    runtime = loaded;
    widget = runtime.widget({ pluginId: 'widget-contact-deflect', script: script,
      locale: script.getAttribute('data-locale') });
    text = widget.text;
    el = runtime.el;
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', start);
    } else {
      start();
    }
  }

  function start() {
    var form = document.querySelector(config.form);
    if (!form) {
      widget.warn('no form matches ' + config.form);
      return;
    }
    var fields = [config.subject, config.description]
      .map(function (selector) { return form.querySelector(selector); })
      .filter(Boolean);
    if (fields.length === 0) {
      widget.warn('no subject or description field in ' + config.form);
      return;
    }
    widget.loadStyles('deflect.css');
    new Deflector(form, fields).attach();
  }

  /**
   * Watches the fields, asks the server for suggestions and shows them in the panel.
   */
  function Deflector(form, fields) {
    this.form = form;
    this.fields = fields;
    this.composing = false;
    this.timer = 0;
    this.request = null; // the AbortController of the suggestion fetch in flight
    this.lastQuery = '';
    this.shownQuery = '';
    this.articles = [];
    this.reported = { shown: {}, opened: {}, solved: {} };
    this.dismissedKey = null;
    this.panel = new Panel(this);
  }

  Deflector.prototype.attach = function () {
    var self = this;
    var anchor = this.fields[this.fields.length - 1]; // the description when there is one
    anchor.insertAdjacentElement('afterend', this.panel.element);
    this.fields.forEach(function (field) {
      field.addEventListener('compositionstart', function () {
        self.composing = true;
        clearTimeout(self.timer); // more text is on its way; the query typed so far is already stale
      });
      field.addEventListener('compositionend', function () {
        self.composing = false;
        self.schedule();
      });
      field.addEventListener('input', function (event) {
        // Mid-composition text is a reading, not what the customer means: wait for compositionend.
        if (!self.composing && !event.isComposing) {
          self.schedule();
        }
      });
      field.addEventListener('keydown', function (event) { self.onFieldKey(event, field); });
    });
    // Capture phase: we only observe the submit, so it is counted even when the page handles it itself.
    this.form.addEventListener('submit', function () { self.onSubmit(); }, true);
  };

  Deflector.prototype.query = function () {
    var joined = this.fields.map(function (field) { return field.value.trim(); })
      .filter(Boolean).join(' ');
    return Array.from(joined).slice(0, MAX_QUERY_CHARS).join('').trim();
  };

  Deflector.prototype.schedule = function () {
    var self = this;
    clearTimeout(this.timer);
    this.timer = setTimeout(function () { self.fetchSuggestions(); }, DEBOUNCE_MS);
  };

  Deflector.prototype.fetchSuggestions = function () {
    var self = this;
    var query = this.query();
    if (query === this.lastQuery) {
      return;
    }
    this.lastQuery = query;
    if (this.request) {
      this.request.abort();
      this.request = null;
    }
    if (!query) {
      this.show(query, []);
      return;
    }
    var controller = typeof AbortController === 'function' ? new AbortController() : null;
    this.request = controller;
    var url = widget.endpoint('suggest', { q: query, locale: widget.locale });
    widget.getJson(url, controller)
      .then(function (body) {
        if (self.request === controller) {
          self.request = null;
          self.show(query, Array.isArray(body.articles) ? body.articles : []);
        }
      })
      .catch(function (error) {
        if (error && error.name === 'AbortError') {
          return; // superseded by a newer query
        }
        if (self.request === controller) {
          self.request = null;
          self.lastQuery = ''; // so that the next keystroke tries again
        }
        widget.warn('suggestions failed: ' + error);
      });
  };

  Deflector.prototype.show = function (query, articles) {
    var key = articles.map(function (a) { return a.id; }).join('\n');
    var sameArticles = key === this.articles.map(function (a) { return a.id; }).join('\n');
    this.articles = articles;
    if (articles.length === 0) {
      this.panel.hide();
      return;
    }
    this.shownQuery = query;
    if (this.dismissedKey === key) {
      return; // closed with Escape or the close button: stays closed until the suggestions change
    }
    this.dismissedKey = null;
    if (!sameArticles || this.panel.isHidden()) {
      // Same articles as already on screen: keep the panel as it is, an answer may be open in it.
      this.panel.render(articles);
    }
    // Once per set: the same articles in another order are no new suggestion.
    var setKey = articles.map(function (a) { return a.id; }).sort().join('\n');
    if (!this.reported.shown[setKey]) {
      this.reported.shown[setKey] = true;
      widget.sendEvent('shown', { query: query, articleId: articles[0].id });
    }
  };

  Deflector.prototype.dismiss = function (returnFocus) {
    this.dismissedKey = this.articles.map(function (a) { return a.id; }).join('\n');
    this.panel.hide();
    if (returnFocus) {
      this.fields[this.fields.length - 1].focus();
    }
  };

  Deflector.prototype.onFieldKey = function (event, field) {
    if (this.panel.isHidden() || event.isComposing || this.composing) {
      return;
    }
    if (event.key === 'Escape') {
      this.dismiss(false);
    } else if (event.key === 'ArrowDown' && field.tagName === 'INPUT') {
      // A one-line field has no use for ArrowDown, so it leads into the suggestions as in a combobox.
      // In a textarea it keeps moving the caret.
      event.preventDefault();
      this.panel.focusItem(0, field);
    }
  };

  Deflector.prototype.onOpened = function (article) {
    if (!this.reported.opened[article.id]) {
      this.reported.opened[article.id] = true;
      widget.sendEvent('opened', { query: this.shownQuery, articleId: article.id });
    }
  };

  Deflector.prototype.onSolved = function (article) {
    if (!this.reported.solved[article.id]) {
      this.reported.solved[article.id] = true;
      widget.sendEvent('solved', { query: this.shownQuery, articleId: article.id });
    }
  };

  Deflector.prototype.onSubmit = function () {
    if (Object.keys(this.reported.shown).length > 0) {
      var first = this.articles.length > 0 ? this.articles[0].id : undefined;
      // The page is probably about to unload: the runtime sends it so that it outlives the page.
      widget.sendEvent('submitted', { query: this.shownQuery || undefined, articleId: first });
    }
  };

  /**
   * The suggestion panel: a labelled live region holding one expandable item per article.
   */
  function Panel(deflector) {
    var self = this;
    this.deflector = deflector;
    this.returnTo = null; // the field ArrowUp on the first item goes back to
    this.element = el('div', 'kotae-deflect');
    this.element.setAttribute('role', 'region');
    this.element.setAttribute('aria-label', text.region);
    this.element.setAttribute('aria-live', 'polite');
    this.element.hidden = true;

    var header = el('div', 'kotae-deflect__header');
    var heading = el('p', 'kotae-deflect__heading', text.region);
    heading.setAttribute('aria-hidden', 'true'); // the region's label already says it
    var close = el('button', 'kotae-deflect__close', '×');
    close.type = 'button';
    close.setAttribute('aria-label', text.close);
    close.addEventListener('click', function () { deflector.dismiss(true); });
    header.appendChild(heading);
    header.appendChild(close);
    this.list = el('ul', 'kotae-deflect__list');
    this.element.appendChild(header);
    this.element.appendChild(this.list);
    this.element.addEventListener('keydown', function (event) { self.onKey(event); });
  }

  Panel.prototype.isHidden = function () {
    return this.element.hidden;
  };

  Panel.prototype.hide = function () {
    this.element.hidden = true;
  };

  Panel.prototype.render = function (articles) {
    var self = this;
    this.list.textContent = '';
    this.items = articles.map(function (article, index) {
      var item = new Item(self.deflector, article, index);
      self.list.appendChild(item.element);
      return item;
    });
    this.element.hidden = false;
  };

  Panel.prototype.focusItem = function (index, returnTo) {
    if (returnTo) {
      this.returnTo = returnTo;
    }
    if (this.items && this.items[index]) {
      this.items[index].toggle.focus();
    }
  };

  Panel.prototype.onKey = function (event) {
    var items = this.items || [];
    var current = -1;
    for (var i = 0; i < items.length; i++) {
      if (items[i].element.contains(document.activeElement)) {
        current = i;
      }
    }
    if (event.key === 'Escape') {
      event.preventDefault();
      // First Escape closes the open answer, the next one the whole panel.
      if (current >= 0 && items[current].isOpen()) {
        items[current].collapse();
        items[current].toggle.focus();
      } else {
        this.deflector.dismiss(true);
      }
    } else if (event.key === 'ArrowDown' && current >= 0) {
      event.preventDefault();
      this.focusItem(Math.min(current + 1, items.length - 1));
    } else if (event.key === 'ArrowUp' && current >= 0) {
      event.preventDefault();
      if (current === 0 && this.returnTo) {
        this.returnTo.focus();
      } else {
        this.focusItem(Math.max(current - 1, 0));
      }
    }
  };

  /**
   * One suggested article: a button that expands its answer in place.
   */
  function Item(deflector, article, index) {
    var self = this;
    this.deflector = deflector;
    this.article = article;
    this.loaded = false;
    var answerId = runtime.uniqueId('kotae-deflect-answer-' + index);

    this.element = el('li', 'kotae-deflect__item');
    this.element.setAttribute('data-article-id', article.id);
    this.toggle = el('button', 'kotae-deflect__toggle', article.title || article.id);
    this.toggle.type = 'button'; // inside the customer's form: must never submit it
    this.toggle.setAttribute('aria-expanded', 'false');
    this.toggle.setAttribute('aria-controls', answerId);
    this.toggle.addEventListener('click', function () {
      if (self.isOpen()) {
        self.collapse();
      } else {
        self.expand();
      }
    });
    this.element.appendChild(this.toggle);

    if (article.snippet) {
      var snippet = el('p', 'kotae-deflect__snippet');
      runtime.appendMarkedText(snippet, article.snippet, 'kotae-deflect__mark');
      this.element.appendChild(snippet);
    }

    this.answer = el('div', 'kotae-deflect__answer');
    this.answer.id = answerId;
    this.answer.hidden = true;
    this.element.appendChild(this.answer);
  }

  Item.prototype.isOpen = function () {
    return this.toggle.getAttribute('aria-expanded') === 'true';
  };

  Item.prototype.collapse = function () {
    this.toggle.setAttribute('aria-expanded', 'false');
    this.answer.hidden = true;
  };

  Item.prototype.expand = function () {
    this.toggle.setAttribute('aria-expanded', 'true');
    this.answer.hidden = false;
    this.deflector.onOpened(this.article);
    if (!this.loaded) {
      this.load();
    }
  };

  Item.prototype.load = function () {
    var self = this;
    this.loaded = true;
    var status = el('p', 'kotae-deflect__status', text.loading);
    this.answer.textContent = '';
    this.answer.appendChild(status);
    widget.getJson(widget.endpoint('article', { id: this.article.id }))
      .then(function (body) { self.fill(body); })
      .catch(function () {
        self.loaded = false; // let the customer try again
        status.textContent = text.failed;
        self.answer.appendChild(self.fullArticleLink(self.article.url));
      });
  };

  Item.prototype.fill = function (body) {
    var self = this;
    this.answer.textContent = '';
    var content = el('div', 'kotae-deflect__body');
    // The server sanitises article HTML (no scripts, handlers or styles) and turns images from sites it
    // does not allow into links before it ever reaches us. It is parsed in a document of its own, where
    // nothing loads: an image's relative address would otherwise be fetched from the shop's server before
    // the lines below point it at the help center.
    var parsed = new DOMParser().parseFromString(body.html || '', 'text/html').body;
    // Relative links in articles point into the help center, not into the page we are embedded in.
    Array.prototype.forEach.call(parsed.querySelectorAll('a[href]'), function (link) {
      link.href = helpCenterUrl(link.getAttribute('href'));
      link.target = '_blank';
      link.relList.add('noopener'); // beside the server's own (nofollow noreferrer on links off the help center)
    });
    Array.prototype.forEach.call(parsed.querySelectorAll('img[src]'), function (img) {
      img.src = helpCenterUrl(img.getAttribute('src'));
    });
    // Heading anchors are the help center's; on the shop's page they could clash with its own ids.
    Array.prototype.forEach.call(parsed.querySelectorAll('[id]'), function (node) {
      node.removeAttribute('id');
    });
    while (parsed.firstChild) {
      content.appendChild(document.adoptNode(parsed.firstChild));
    }
    this.answer.appendChild(content);

    var actions = el('div', 'kotae-deflect__actions');
    actions.appendChild(this.fullArticleLink(body.url || this.article.url));
    var solved = el('button', 'kotae-deflect__solved', text.solved);
    solved.type = 'button';
    solved.addEventListener('click', function () {
      self.deflector.onSolved(self.article);
      var thanks = el('p', 'kotae-deflect__thanks', text.thanks);
      thanks.tabIndex = -1;
      actions.replaceChild(thanks, solved);
      thanks.focus(); // the button is gone: keep keyboard users where they were
    });
    actions.appendChild(solved);
    this.answer.appendChild(actions);
  };

  Item.prototype.fullArticleLink = function (url) {
    var self = this;
    var link = el('a', 'kotae-deflect__more', text.readMore);
    link.href = helpCenterUrl(url || '/articles/' + encodeURIComponent(this.article.id));
    link.target = '_blank';
    link.rel = 'noopener';
    link.appendChild(el('span', 'kotae-visually-hidden', text.newTab));
    link.addEventListener('click', function () { self.deflector.onOpened(self.article); });
    return link;
  };

  // ---- helpers -------------------------------------------------------------------------------------

  /** An absolute http(s) URL on the help center for a path or URL from the server; '#' for anything else. */
  function helpCenterUrl(value) {
    return widget.helpCenterUrl(value) || '#';
  }

  /**
   * Runs `start` with the shared widget runtime, loading /widgets/runtime.js from this script's help center
   * once per page (another Kotae widget may already have loaded it, or be loading it). The only code every
   * widget must carry itself: nothing can be shared before the runtime is there.
   */
  function withRuntime(tag, start) {
    if (window.KotaeWidgets) {
      start(window.KotaeWidgets);
      return;
    }
    var url = new URL(tag.src, document.baseURI);
    var src = url.origin + url.pathname.slice(0, url.pathname.lastIndexOf('/widgets/')) + '/widgets/runtime.js';
    var loading = document.querySelector('script[src="' + src + '"]');
    if (!loading) {
      loading = document.createElement('script');
      loading.src = src;
      document.head.appendChild(loading);
    }
    loading.addEventListener('load', function () { start(window.KotaeWidgets); });
  }

  // Last, so that every prototype method above is defined before the first one runs (the runtime may be
  // there already, and then this starts at once).
  withRuntime(script, begin);
})();
