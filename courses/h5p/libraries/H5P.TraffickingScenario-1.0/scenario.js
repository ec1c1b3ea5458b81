/* H5P.TraffickingScenario 1.0: scenario questions on trafficking indicators. */
var H5P = window.H5P = window.H5P || {};

H5P.TraffickingScenario = (function (EventDispatcher) {
  'use strict';

  var KEPT = ['P', 'STRONG', 'EM', 'UL', 'LI'];
  var L10N = {check: 'Check', retry: 'Retry', score: 'Your score: :num of :total', correct: 'Correct', incorrect: 'Incorrect'};
  var count = 0;

  // Inert: nothing parsed here runs or loads.
  function parse(html) {
    return new DOMParser().parseFromString(String(html || ''), 'text/html').body;
  }

  // Plain text, entities decoded; only ever inserted as textContent.
  function plain(text) {
    return parse(text).textContent;
  }

  // Copies KEPT elements without attributes; other elements give their text only.
  function sanitise(from, to) {
    [].forEach.call(from.childNodes, function (node) {
      var tag = node.nodeName.toUpperCase();
      if (node.nodeType === 3) to.appendChild(document.createTextNode(node.nodeValue));
      else if (node.nodeType === 1 && tag !== 'SCRIPT' && tag !== 'STYLE') {
        sanitise(node, KEPT.indexOf(tag) < 0 ? to : to.appendChild(document.createElement(tag)));
      }
    });
    return to;
  }

  function el(parent, tag, className, text) {
    var node = parent.appendChild(document.createElement(tag));
    node.className = className || '';
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function Scenario(params, contentId, extras) {
    EventDispatcher.call(this);
    params = params || {};
    var state = (extras || {}).previousState || {};
    var saved = state.answers || [];
    this.l10n = {};
    for (var key in L10N) this.l10n[key] = plain((params.l10n || {})[key] || L10N[key]);
    this.scenario = params.scenario;
    this.questions = (params.questions || []).filter(function (q) {
      return q && Array.isArray(q.answers) && q.answers.every(Boolean);
    });
    this.selected = this.questions.map(function (q, i) {
      var a = saved[i];
      return a === +a && a % 1 === 0 && a >= 0 && a < q.answers.length ? a : null;
    });
    this.checked = state.checked === true;
    this.id = 'h5p-ts-' + (++count);
  }

  var proto = Scenario.prototype = Object.create(EventDispatcher.prototype);
  proto.constructor = Scenario;

  proto.attach = function ($container) {
    var self = this;
    var root = $container.get ? $container.get(0) : $container;
    root.classList.add('h5p-trafficking-scenario');
    root.textContent = '';
    sanitise(parse(self.scenario), el(root, 'div', 'h5p-ts-scenario'));
    self.views = self.questions.map(function (question, q) {
      var fieldset = el(root, 'fieldset', 'h5p-ts-question');
      el(fieldset, 'legend', '', plain(question.text));
      return {
        answers: question.answers.map(function (answer, a) {
          var label = el(fieldset, 'label', 'h5p-ts-answer');
          var input = el(label, 'input');
          input.type = 'radio';
          input.name = self.id + '-' + q;
          input.onchange = function () { self.selected[q] = a; };
          el(label, 'span', '', plain(answer.text));
          return {label: label, input: input};
        }),
        feedback: el(fieldset, 'p')
      };
    });
    // One button (check, then retry) keeps focus.
    self.button = el(root, 'button', 'h5p-ts-button');
    self.button.type = 'button';
    self.button.onclick = function () { self.done ? self.resetTask() : self.check(); };
    self.scoreLine = el(root, 'p', 'h5p-ts-score');
    self.scoreLine.setAttribute('role', 'status');
    self.render(false);
  };

  proto.isRight = function (q) {
    var answer = this.questions[q].answers[this.selected[q]];
    return !!answer && answer.correct === true;
  };

  proto.getScore = function () {
    return this.questions.filter(function (question, q) { return this.isRight(q); }, this).length;
  };

  proto.getMaxScore = function () {
    return this.questions.length;
  };

  proto.getCurrentState = function () {
    return {answers: this.selected.slice(), checked: this.checked};
  };

  // Shows the state; `solutions` also marks right answers.
  proto.render = function (solutions) {
    var self = this;
    var done = self.done = self.checked || solutions;
    if (!self.views) return;
    self.views.forEach(function (view, q) {
      var answers = self.questions[q].answers;
      var verdict = self.isRight(q) ? 'correct' : 'incorrect';
      var picked = answers[self.selected[q]];
      view.answers.forEach(function (answer, a) {
        var chosen = self.selected[q] === a;
        answer.input.checked = chosen;
        answer.input.disabled = done;
        answer.label.className = 'h5p-ts-answer' + (done && chosen ? ' h5p-ts-' + verdict : '') +
          (solutions && answers[a].correct === true ? ' h5p-ts-solution' : '');
      });
      view.feedback.hidden = !done;
      view.feedback.className = 'h5p-ts-feedback h5p-ts-' + verdict;
      view.feedback.textContent = self.l10n[verdict] +
        (picked && picked.feedback ? ' : ' + plain(picked.feedback) : '');
    });
    self.button.textContent = done ? self.l10n.retry : self.l10n.check;
    self.scoreLine.textContent = self.checked ?
      self.l10n.score.replace(':num', self.getScore()).replace(':total', self.getMaxScore()) : '';
    self.trigger('resize');
  };

  proto.check = function () {
    if (this.checked) return;
    this.checked = true;
    this.render(false);
    var score = this.getScore();
    var max = this.getMaxScore();
    this.triggerXAPIScored(score, max, 'answered', true, score === max);
    var completed = this.createXAPIEventTemplate('completed');
    completed.setScoredResult(score, max, this, true, score === max);
    this.trigger(completed);
  };

  proto.showSolutions = function () {
    this.render(true);
  };

  proto.resetTask = function () {
    this.checked = false;
    this.selected = this.selected.map(function () { return null; });
    this.render(false);
  };

  return Scenario;
})(H5P.EventDispatcher);
