// The playground page: asks the bot through /api/playground/ask and draws the answer three
// ways. User text is only ever put into the page as text (textContent), never as HTML.
'use strict';

(function () {
  const $ = (id) => document.getElementById(id);
  const EMOJI = {
    cloud: '☁️', bust_in_silhouette: '👤', handshake: '🤝', information_source: 'ℹ️', warning: '⚠️',
    thinking_face: '🤔', thumbsup: '👍', thumbsdown: '👎', twisted_rightwards_arrows: '🔀',
  };

  function status(text) {
    $('status').textContent = text || '';
  }

  async function ask(payload) {
    status('');
    let res;
    try {
      res = await fetch('/api/playground/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
    } catch (error) {
      status('The server did not answer: ' + error.message);
      return;
    }
    const data = await res.json().catch(() => ({ error: 'unreadable answer' }));
    if (!res.ok) {
      status(data.error || 'Request failed (' + res.status + ')');
      return;
    }
    render(data);
  }

  function onChoice(value) {
    if (!value || typeof value !== 'object') return;
    if (value.whoownsFeedback) {
      status(value.whoownsFeedback.vote === 'up' ? 'Thanks for the feedback (the playground does not store it).' : 'Noted (the playground does not store feedback).');
      return;
    }
    const selection = value.whoownsChoice || value;
    if (selection.service || selection.task) ask({ selection: selection });
  }

  // ---------------------------------------------------------------- Teams: Microsoft's renderer
  function safeMarkdown(text) {
    const escaped = String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    return escaped
      .replace(/\[([^\]]{1,200})\]\((https:\/\/[^\s)]{1,500})\)/g, '<a href="$2" target="_blank" rel="noopener noreferrer">$1</a>')
      .replace(/\*\*([^*]{1,500})\*\*/g, '<strong>$1</strong>')
      .replace(/\n/g, '<br>');
  }

  function renderTeams(card) {
    const target = $('teams');
    target.replaceChildren();
    if (!window.AdaptiveCards) {
      target.textContent = 'The Adaptive Cards renderer did not load.';
      return;
    }
    const AC = window.AdaptiveCards;
    AC.AdaptiveCard.onProcessMarkdown = function (text, result) {
      result.outputHtml = safeMarkdown(text);
      result.didProcess = true;
    };
    const adaptiveCard = new AC.AdaptiveCard();
    adaptiveCard.hostConfig = new AC.HostConfig({ fontFamily: 'Segoe UI, system-ui, sans-serif', supportsInteractivity: true });
    adaptiveCard.onExecuteAction = function (action) {
      if (action instanceof AC.SubmitAction) onChoice(action.data);
    };
    adaptiveCard.parse(card);
    const element = adaptiveCard.render();
    if (element) target.appendChild(element);
  }

  // ---------------------------------------------------------------- Slack: a faithful preview
  /** Slack mrkdwn to DOM nodes: <url|label> links (https only), *bold*, _italic_, :emoji:. */
  function mrkdwn(text) {
    const out = document.createDocumentFragment();
    const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    const pattern = /<(https:\/\/[^|>\s]{1,500})\|([^>]{1,300})>|\*([^*\n]{1,500})\*|_([^_\n]{1,500})_|:([a-z0-9_+-]{1,40}):/g;
    let last = 0;
    let match;
    while ((match = pattern.exec(text)) !== null) {
      if (match.index > last) out.appendChild(document.createTextNode(unescape(text.slice(last, match.index))));
      if (match[1]) {
        const a = document.createElement('a');
        a.href = match[1];
        a.target = '_blank';
        a.rel = 'noopener noreferrer';
        a.textContent = unescape(match[2]);
        out.appendChild(a);
      } else if (match[3]) {
        const b = document.createElement('b');
        b.appendChild(mrkdwn(match[3]));
        out.appendChild(b);
      } else if (match[4]) {
        const i = document.createElement('i');
        i.textContent = unescape(match[4]);
        out.appendChild(i);
      } else {
        out.appendChild(document.createTextNode(EMOJI[match[5]] || ':' + match[5] + ':'));
      }
      last = pattern.lastIndex;
    }
    if (last < text.length) out.appendChild(document.createTextNode(unescape(text.slice(last))));
    return out;
  }

  function textElement(tag, className, text, markdown) {
    const el = document.createElement(tag);
    el.className = className;
    if (markdown) el.appendChild(mrkdwn(text));
    else el.textContent = text;
    return el;
  }

  function renderSlack(message) {
    const target = $('slack');
    target.replaceChildren();
    for (const block of message.blocks) {
      if (block.type === 'header') target.appendChild(textElement('div', 'sk-header', block.text.text, false));
      else if (block.type === 'section') {
        if (block.text) target.appendChild(textElement('div', 'sk-section sk-text', block.text.text, block.text.type === 'mrkdwn'));
        if (block.fields) {
          const grid = document.createElement('div');
          grid.className = 'sk-fields';
          for (const field of block.fields) grid.appendChild(textElement('div', 'sk-text', field.text, field.type === 'mrkdwn'));
          target.appendChild(grid);
        }
      } else if (block.type === 'context') {
        const row = document.createElement('div');
        row.className = 'sk-context';
        block.elements.forEach((element, index) => {
          if (index > 0) row.appendChild(document.createTextNode('  ·  '));
          row.appendChild(element.type === 'mrkdwn' ? mrkdwn(element.text) : document.createTextNode(element.text));
        });
        target.appendChild(row);
      } else if (block.type === 'actions') {
        const row = document.createElement('div');
        row.className = 'sk-actions';
        for (const element of block.elements) {
          const button = document.createElement('button');
          button.type = 'button';
          button.className = element.style === 'primary' ? 'primary' : '';
          button.appendChild(mrkdwn(element.text.text));
          button.dataset.actionId = element.action_id;
          button.addEventListener('click', function () {
            let value;
            try {
              value = JSON.parse(element.value);
            } catch {
              return;
            }
            if (element.action_id.indexOf('whoowns_feedback') === 0) onChoice({ whoownsFeedback: value });
            else if (element.action_id === 'whoowns_share') status('In Slack this posts the answer to the channel.');
            else onChoice(value);
          });
          row.appendChild(button);
        }
        target.appendChild(row);
      } else if (block.type === 'divider') {
        const hr = document.createElement('hr');
        hr.className = 'sk-divider';
        target.appendChild(hr);
      }
    }
    const builder = $('slack-builder');
    builder.href = 'https://app.slack.com/block-kit-builder#' + encodeURIComponent(JSON.stringify({ blocks: message.blocks }));
    builder.hidden = false;
  }

  function render(data) {
    renderTeams(data.teams.card);
    renderSlack(data.slack);
    $('text').textContent = data.text;
    $('teams-json').textContent = JSON.stringify(data.teams.card, null, 2);
    $('slack-json').textContent = JSON.stringify({ text: data.slack.text, blocks: data.slack.blocks }, null, 2);
    $('answer-json').textContent = JSON.stringify(data.answer, null, 2);
    document.body.dataset.answered = data.answer.status;
  }

  document.addEventListener('DOMContentLoaded', function () {
    $('ask').addEventListener('submit', function (event) {
      event.preventDefault();
      const text = $('question').value.trim();
      if (text) ask({ text: text });
    });
    for (const button of document.querySelectorAll('button.example')) {
      button.addEventListener('click', function () {
        $('question').value = button.textContent;
        ask({ text: button.textContent });
      });
    }
    const initial = new URLSearchParams(location.search).get('q');
    if (initial) {
      $('question').value = initial.slice(0, 2000);
      ask({ text: initial.slice(0, 2000) });
    }
  });
})();
