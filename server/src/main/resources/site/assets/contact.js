/*!
 * Kotae contact page (/contact): while the customer types the subject and description, up to three public
 * articles that match are suggested (GET /contact/suggest, the help center's public search); each opens in
 * a new tab and has a "this solved my problem" button. The funnel steps the page cannot see are reported
 * to POST /api/v1/events as deflection events of widget "contact/<category>" ("contact" before a category
 * is picked): shown (once per set of articles), opened and solved (once per article). "viewed" and
 * "submitted" are recorded by the server. The form itself works without this script.
 */
(function () {
  'use strict';

  var DEBOUNCE_MS = 300;
  var MAX_QUERY_CHARS = 500;

  function start() {
    var form = document.querySelector('form.contact-form');
    var panel = document.querySelector('.contact-suggestions');
    var texts = document.querySelector('.contact-texts');
    if (!form || !panel || !texts) {
      return;
    }
    var fields = [form.querySelector('[name=subject]'), form.querySelector('[name=description]')];
    var list = panel.querySelector('.contact-suggestion-list');
    var thanks = panel.querySelector('.contact-solved-thanks');
    var session = form.getAttribute('data-session');
    var lang = form.getAttribute('data-lang') || 'ja';
    var timer = 0;
    var composing = false;
    var lastQuery = '';
    var controller = null;
    var reported = { shown: {}, opened: {}, solved: {} };
    var shownIds = [];
    var openedIds = [];

    function widget() {
      var picked = form.querySelector('[name=category]:checked');
      return picked ? 'contact/' + picked.value : 'contact';
    }

    function query() {
      var joined = fields.map(function (field) { return field.value.trim(); }).filter(Boolean).join(' ');
      return Array.from(joined).slice(0, MAX_QUERY_CHARS).join('').trim();
    }

    function schedule() {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, DEBOUNCE_MS);
    }

    function fetchSuggestions() {
      var q = query();
      if (q === lastQuery) {
        return;
      }
      lastQuery = q;
      if (controller) {
        controller.abort();
      }
      if (!q) {
        show([]);
        return;
      }
      controller = new AbortController();
      var mine = controller;
      var url = '/contact/suggest?q=' + encodeURIComponent(q) + '&locale=' + encodeURIComponent(lang);
      fetch(url, { credentials: 'same-origin', signal: mine.signal })
        .then(function (response) {
          if (!response.ok) {
            throw new Error('HTTP ' + response.status);
          }
          return response.json();
        })
        .then(function (body) {
          if (controller === mine) {
            controller = null;
            show(Array.isArray(body.articles) ? body.articles : []);
          }
        })
        .catch(function (error) {
          if (error && error.name === 'AbortError') {
            return; // a newer query replaced it
          }
          lastQuery = ''; // the next keystroke tries again
        });
    }

    function show(articles) {
      list.textContent = '';
      if (articles.length === 0) {
        panel.hidden = true;
        return;
      }
      articles.forEach(function (article) {
        list.appendChild(item(article));
        if (shownIds.indexOf(article.id) < 0 && shownIds.length < 20) {
          shownIds.push(article.id);
        }
      });
      form.querySelector('[name=shown]').value = shownIds.join(' ');
      panel.hidden = false;
      // Once per set: the same articles in another order are no new suggestion.
      var setKey = articles.map(function (a) { return a.id; }).sort().join('\n');
      if (!reported.shown[setKey]) {
        reported.shown[setKey] = true;
        send('shown', articles[0].id);
      }
    }

    function item(article) {
      var li = document.createElement('li');
      li.className = 'contact-suggestion';
      var link = document.createElement('a');
      link.href = samePath(article.url);
      link.target = '_blank';
      link.rel = 'noopener';
      link.className = 'contact-suggestion__link';
      link.textContent = article.title;
      var note = document.createElement('span');
      note.className = 'visually-hidden';
      note.textContent = ' ' + texts.getAttribute('data-new-tab');
      link.appendChild(note);
      link.addEventListener('click', function () {
        if (openedIds.indexOf(article.id) < 0) {
          openedIds.push(article.id);
          form.querySelector('[name=opened]').value = openedIds.join(' ');
        }
        once('opened', article.id);
      });
      var snippet = document.createElement('p');
      snippet.className = 'contact-suggestion__snippet';
      snippet.textContent = plain(article.snippet);
      var solved = document.createElement('button');
      solved.type = 'button';
      solved.className = 'contact-suggestion__solved';
      solved.textContent = texts.getAttribute('data-solved');
      solved.addEventListener('click', function () {
        once('solved', article.id);
        thanks.textContent = texts.getAttribute('data-thanks');
      });
      li.appendChild(link);
      li.appendChild(snippet);
      li.appendChild(solved);
      return li;
    }

    function once(action, articleId) {
      if (!reported[action][articleId]) {
        reported[action][articleId] = true;
        send(action, articleId);
      }
    }

    /** Reports a funnel step; failures are ignored, analytics never gets in the customer's way. */
    function send(action, articleId) {
      // No query: what the customer types is their request, which stays out of analytics.
      var body = { type: 'deflection', widget: widget(), action: action, articleId: articleId };
      if (session && /^[A-Za-z0-9-]{8,64}$/.test(session)) {
        body.session = session;
      }
      try {
        fetch('/api/v1/events', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
          credentials: 'same-origin',
          keepalive: true
        }).catch(function () {});
      } catch (e) {
        // keepalive quota exceeded in an old browser: the step is not counted
      }
    }

    /** A snippet is text with <mark> only: shown as plain text here. */
    function plain(html) {
      // DOMParser's document runs no script and loads nothing, whatever the text holds.
      return typeof html === 'string' ? new DOMParser().parseFromString(html, 'text/html').body.textContent : '';
    }

    /** A same-origin path for a server-supplied URL, or '#' (never another origin or scheme). */
    function samePath(raw) {
      try {
        var url = new URL(raw, window.location.origin);
        return url.origin === window.location.origin ? url.pathname + url.search + url.hash : '#';
      } catch (e) {
        return '#';
      }
    }

    fields.forEach(function (field) {
      field.addEventListener('compositionstart', function () {
        composing = true;
        clearTimeout(timer);
      });
      field.addEventListener('compositionend', function () {
        composing = false;
        schedule();
      });
      field.addEventListener('input', function (event) {
        // Mid-composition text is a reading, not what the customer means: wait for compositionend.
        if (!composing && !event.isComposing) {
          schedule();
        }
      });
    });
    if (query()) {
      schedule(); // text kept after a refused submission
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
