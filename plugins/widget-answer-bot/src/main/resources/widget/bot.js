/*!
 * Kotae answer bot: a chat bubble that answers a customer's question with one help-center article.
 *
 * Embed with one tag on any page:
 *
 *   <script src="https://help.example.com/widgets/widget-answer-bot/bot.js"
 *           data-locale="ja" data-contact-url="/contact" defer></script>
 *
 * data-locale defaults to <html lang>; data-contact-url (resolved against the page) defaults to the
 * server's contactUrl setting (resolved against the help center). When the server is confident it shows
 * the article's title, a summary and a link, then asks whether that helped; otherwise, or after "no", it
 * offers other articles and the contact page.
 *
 * The helpers every Kotae widget shares (fetch with a timeout, events with a beacon fallback, the session
 * id, the messages in both languages) come from the help center's widget runtime, /widgets/runtime.js,
 * which this script loads once per page before it starts.
 *
 * Plain ES2018, no dependencies, no inline styles (bot.css is loaded from next to this file), so it works
 * under a strict Content-Security-Policy that allows this server in script-src, style-src and connect-src.
 * Everything from the server or the customer is inserted as text.
 */
(function () {
  'use strict';

  var MAX_QUESTION_CHARS = 500; // the endpoint refuses longer questions

  // document.currentScript is only set while this file first runs, so everything about the tag is read now.
  var script = document.currentScript;
  if (!script || !script.src) {
    return;
  }
  var pageContactUrl = script.getAttribute('data-contact-url');
  var runtime; // window.KotaeWidgets, and this widget's context in it: both set before start() runs
  var widget;
  var text;
  var el;

  /** Starts once the runtime is there and the page is parsed. */
  function begin(loaded) {
    runtime = loaded;
    widget = runtime.widget({ pluginId: 'widget-answer-bot', script: script,
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
    widget.loadStyles('bot.css');
    new Bot().attach(document.body);
  }

  /**
   * The bubble, the dialog panel and the conversation in it.
   */
  function Bot() {
    var self = this;
    var panelId = runtime.uniqueId('kotae-bot-panel');
    var titleId = runtime.uniqueId('kotae-bot-title');
    var inputId = runtime.uniqueId('kotae-bot-input');
    this.busy = false;

    this.root = el('div', 'kotae-bot');

    this.bubble = el('button', 'kotae-bot__bubble');
    this.bubble.type = 'button';
    this.bubble.setAttribute('aria-label', text.bubble);
    this.bubble.setAttribute('aria-expanded', 'false');
    this.bubble.setAttribute('aria-controls', panelId);
    this.bubble.appendChild(chatIcon());
    this.bubble.addEventListener('click', function () {
      if (self.isOpen()) {
        self.close();
      } else {
        self.open();
      }
    });

    this.panel = el('div', 'kotae-bot__panel');
    this.panel.id = panelId;
    this.panel.hidden = true;
    this.panel.setAttribute('role', 'dialog');
    this.panel.setAttribute('aria-labelledby', titleId);
    this.panel.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && !event.isComposing) {
        event.preventDefault();
        self.close();
      }
    });

    var header = el('div', 'kotae-bot__header');
    var title = el('h2', 'kotae-bot__title', text.title);
    title.id = titleId;
    var close = el('button', 'kotae-bot__close', '×');
    close.type = 'button';
    close.setAttribute('aria-label', text.close);
    close.addEventListener('click', function () { self.close(); });
    header.appendChild(title);
    header.appendChild(close);

    // role=log: screen readers announce new messages as they arrive, politely.
    this.log = el('div', 'kotae-bot__log');
    this.log.setAttribute('role', 'log');
    this.log.setAttribute('aria-live', 'polite');
    this.log.appendChild(el('p', 'kotae-bot__message kotae-bot__message--bot', text.intro));

    this.form = el('form', 'kotae-bot__form');
    var label = el('label', 'kotae-bot__label', text.label);
    label.htmlFor = inputId;
    this.input = el('input', 'kotae-bot__input');
    this.input.id = inputId;
    this.input.type = 'text';
    this.input.name = 'q';
    this.input.autocomplete = 'off';
    this.input.maxLength = MAX_QUESTION_CHARS;
    this.input.placeholder = text.placeholder;
    this.send = el('button', 'kotae-bot__send', text.send);
    this.send.type = 'submit';
    this.form.appendChild(label);
    this.form.appendChild(this.input);
    this.form.appendChild(this.send);
    this.form.addEventListener('submit', function (event) {
      event.preventDefault();
      self.ask(self.input.value.trim());
    });

    this.panel.appendChild(header);
    this.panel.appendChild(this.log);
    this.panel.appendChild(this.form);
    // Bubble first: Tab then leads from it straight into the open panel (bot.css stacks them visually).
    this.root.appendChild(this.bubble);
    this.root.appendChild(this.panel);
  }

  Bot.prototype.attach = function (parent) {
    parent.appendChild(this.root);
  };

  Bot.prototype.isOpen = function () {
    return !this.panel.hidden;
  };

  Bot.prototype.open = function () {
    this.panel.hidden = false;
    this.bubble.setAttribute('aria-expanded', 'true');
    this.input.focus();
  };

  Bot.prototype.close = function () {
    this.panel.hidden = true;
    this.bubble.setAttribute('aria-expanded', 'false');
    this.bubble.focus();
  };

  Bot.prototype.ask = function (question) {
    var self = this;
    if (!question || this.busy) {
      return;
    }
    this.busy = true;
    this.send.disabled = true;
    this.say('user', question);
    this.input.value = '';
    var thinking = this.say('bot', text.thinking);
    thinking.classList.add('kotae-bot__message--status');
    var asked = Array.from(question).slice(0, MAX_QUESTION_CHARS).join('');
    widget.getJson(widget.endpoint('ask', { q: asked, locale: widget.locale }))
      .then(function (reply) {
        reply.query = asked; // remembered for the events about this reply
        self.log.removeChild(thinking);
        if (reply.answered && reply.answer) {
          self.showAnswer(reply);
        } else {
          self.say('bot', text.notFound);
          self.showFallback(reply);
        }
      })
      .catch(function () {
        if (thinking.parentNode) {
          self.log.removeChild(thinking);
        }
        self.say('bot', text.error);
        self.showFallback({ alternatives: [] });
      })
      .then(function () {
        self.busy = false;
        self.send.disabled = false;
        self.input.focus();
      });
  };

  /** Appends a message to the log and returns it; the text is always inserted as text. */
  Bot.prototype.say = function (who, message) {
    var node = el('div', 'kotae-bot__message kotae-bot__message--' + who);
    node.appendChild(el('span', 'kotae-visually-hidden', (who === 'user' ? text.you : text.bot) + ': '));
    node.appendChild(document.createTextNode(message));
    return this.append(node);
  };

  Bot.prototype.append = function (node) {
    this.log.appendChild(node);
    this.log.scrollTop = this.log.scrollHeight;
    return node;
  };

  Bot.prototype.showAnswer = function (reply) {
    var self = this;
    var answer = reply.answer;
    var card = el('div', 'kotae-bot__message kotae-bot__message--bot kotae-bot__answer');
    card.setAttribute('data-article-id', answer.id);
    card.appendChild(el('p', 'kotae-bot__lead', text.found));
    card.appendChild(el('p', 'kotae-bot__answer-title', answer.title));
    if (answer.summary) {
      card.appendChild(el('p', 'kotae-bot__summary', answer.summary));
    }
    if (answer.sourceNote) {
      // The server words it in the customer's language: 出典: … / Source: …
      card.appendChild(el('p', 'kotae-bot__source', answer.sourceNote));
    }
    card.appendChild(articleLink(answer, text.readMore, 'kotae-bot__more', reply.query));

    var feedback = el('div', 'kotae-bot__feedback');
    var question = el('p', 'kotae-bot__helpful', text.helpful);
    var yes = el('button', 'kotae-bot__vote kotae-bot__vote--yes', text.yes);
    var no = el('button', 'kotae-bot__vote kotae-bot__vote--no', text.no);
    yes.type = 'button';
    no.type = 'button';
    feedback.appendChild(question);
    feedback.appendChild(yes);
    feedback.appendChild(no);
    card.appendChild(feedback);
    this.append(card);

    function vote(solved) {
      // One verdict per answer: the buttons are disabled (the chosen one marked), and focus returns to
      // the input for the next question.
      yes.disabled = true;
      no.disabled = true;
      yes.setAttribute('aria-pressed', String(solved));
      no.setAttribute('aria-pressed', String(!solved));
      feedback.classList.add('kotae-bot__feedback--done');
      widget.sendEvent(solved ? 'solved' : 'not-solved', { query: reply.query, articleId: answer.id });
      if (solved) {
        self.say('bot', text.glad);
      } else {
        self.say('bot', text.sorry);
        self.showFallback(reply);
      }
      self.input.focus();
    }
    yes.addEventListener('click', function () { vote(true); });
    no.addEventListener('click', function () { vote(false); });
  };

  /** Alternatives (when there are any) and the contact link (when one is configured). */
  Bot.prototype.showFallback = function (reply) {
    var alternatives = Array.isArray(reply.alternatives) ? reply.alternatives : [];
    if (alternatives.length > 0) {
      var box = el('div', 'kotae-bot__message kotae-bot__message--bot kotae-bot__alternatives');
      box.appendChild(el('p', 'kotae-bot__lead', text.alternatives));
      var list = el('ul', 'kotae-bot__list');
      alternatives.forEach(function (article) {
        var item = el('li', 'kotae-bot__list-item');
        item.setAttribute('data-article-id', article.id);
        item.appendChild(articleLink(article, article.title, 'kotae-bot__alternative', reply.query));
        list.appendChild(item);
      });
      box.appendChild(list);
      this.append(box);
    }
    var contactUrl = contactLink(reply.contactUrl);
    if (contactUrl) {
      var contact = el('div', 'kotae-bot__message kotae-bot__message--bot kotae-bot__contact');
      contact.appendChild(el('p', 'kotae-bot__lead', text.contactText));
      var link = el('a', 'kotae-bot__contact-link', text.contact);
      link.href = contactUrl;
      contact.appendChild(link);
      this.append(contact);
    }
  };

  // ---- helpers -------------------------------------------------------------------------------------

  /** A link to an article on the help center that reports "opened" when followed. */
  function articleLink(article, label, className, query) {
    var link = el('a', className, label);
    link.href = widget.helpCenterUrl(article.url || '/articles/' + encodeURIComponent(article.id));
    link.target = '_blank';
    link.rel = 'noopener';
    link.appendChild(el('span', 'kotae-visually-hidden', text.newTab));
    var reported = false;
    function opened() {
      if (!reported) {
        reported = true;
        widget.sendEvent('opened', { query: query, articleId: article.id });
      }
    }
    link.addEventListener('click', opened);
    link.addEventListener('auxclick', opened); // middle click opens a tab too
    return link;
  }

  /** The page's own contact URL wins; else the server's setting; else none. */
  function contactLink(serverUrl) {
    if (pageContactUrl) {
      return runtime.safeUrl(pageContactUrl, document.baseURI);
    }
    return serverUrl ? widget.helpCenterUrl(serverUrl) : null;
  }

  /** A speech-bubble icon, built as DOM (no innerHTML, no inline style). */
  function chatIcon() {
    var ns = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('width', '28');
    svg.setAttribute('height', '28');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    svg.setAttribute('class', 'kotae-bot__icon');
    var path = document.createElementNS(ns, 'path');
    path.setAttribute('d', 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z');
    path.setAttribute('fill', 'currentColor');
    svg.appendChild(path);
    return svg;
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
