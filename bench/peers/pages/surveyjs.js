/* global document */
// SurveyJS 2: survey-core's model and survey-js-ui, its renderer for pages without a
// framework (Preact inside), with its default theme's stylesheet (SurveyJS draws unusable
// without it; the build without the web font it would fetch from Google) and its Simplified Chinese texts, as a Chinese service page would load them.
import { Model } from 'survey-core';
import 'survey-core/i18n/simplified-chinese';
import 'survey-core/survey-core.fontless.min.css';
import { renderSurvey, unmountComponentAtNode } from 'survey-js-ui';
import { start } from './harness.js';

let model;
let stage;
let last = 0;

/** The element SurveyJS draws for a question, by the question's name. */
const questionRoot = (name) => {
  const question = model?.getQuestionByName(name);
  return question ? document.getElementById(question.id) : null;
};
const input = (name) => {
  const question = model?.getQuestionByName(name);
  return question ? document.getElementById(question.inputId) : null;
};

start({
  mount(into, { survey }) {
    stage = into;
    last = survey.elements.length - 1;
    model = new Model(survey);
    renderSurvey(model, stage);
  },
  unmount() {
    unmountComponentAtNode(stage);
    model.dispose();
    model = undefined;
  },
  lastField: () => input(`g${last}_note`),
  textField: () => input('g0_name'),
  typed: () => model?.getValue('g0_name'),
  // The survey's own "complete" button: SurveyJS checks every question before completing.
  submit: () => document.querySelector('#stage .sd-navigation__complete-btn').click(),
  errorShown: () => questionRoot(`g${last}_unit`)?.querySelector('.sd-question__erbox') != null,
});
