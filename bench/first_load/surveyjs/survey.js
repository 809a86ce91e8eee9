// Fetches the survey definition and renders it with SurveyJS, as a portal page would.
fetch('survey20.json')
  .then((response) => response.json())
  .then((json) => {
    const survey = new Survey.Model(json);
    SurveyUI.renderSurvey(survey, document.getElementById('survey'));
  });
