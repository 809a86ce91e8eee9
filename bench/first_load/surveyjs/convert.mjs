// Writes bench/first_load/surveyjs/survey20.json, the SurveyJS form of
// assets/polls/survey20.json, so that both libraries render the same 20 questions:
//   node bench/first_load/surveyjs/convert.mjs
// Mapping (tests/survey20.rs checks the committed result against the poll):
//   single   -> radiogroup; a free_text option ("Ý kiến khác") -> showOtherItem, value "other"
//   multiple -> checkbox, min/max -> minSelectedChoices/maxSelectedChoices
//   scale    -> rating with rateValues {value, text}
//   number   -> text with inputType "number", min, max
//   text     -> comment with maxLength
//   show_if  -> visibleIf "{item} anyof [...]" (option ids; a scale's option values)
// Texts keep both languages ({vi, en}); the survey's locale is "vi". One question per page,
// as phieu shows one question per screen.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const poll = JSON.parse(await readFile(`${root}assets/polls/survey20.json`, 'utf8'));

const text = (t) => (t.en ? { vi: t.vi, en: t.en } : { vi: t.vi });
const byId = new Map(poll.items.map((i) => [i.id, i]));

function visibleIf({ item, any_of }) {
  const ref = byId.get(item);
  const values = any_of.map((id) => {
    const o = ref.options.find((o) => o.id === id);
    if (ref.type === 'scale') return String(o.value);
    return o.free_text ? "'other'" : `'${id}'`;
  });
  return `{${item}} anyof [${values.join(', ')}]`;
}

function choices(item, question) {
  const plain = item.options.filter((o) => !o.free_text);
  const other = item.options.find((o) => o.free_text);
  question.choices = plain.map((o) => ({ value: o.id, text: text(o.label) }));
  if (other) {
    question.showOtherItem = true;
    question.otherText = text(other.label);
  }
}

function question(item) {
  const q = { name: item.id, title: text(item.label) };
  switch (item.type) {
    case 'single':
      q.type = 'radiogroup';
      choices(item, q);
      break;
    case 'multiple':
      q.type = 'checkbox';
      choices(item, q);
      if (item.min) q.minSelectedChoices = item.min;
      if (item.max !== undefined && item.max < item.options.length) q.maxSelectedChoices = item.max;
      break;
    case 'scale':
      q.type = 'rating';
      q.rateValues = item.options.map((o) => ({ value: o.value, text: text(o.label) }));
      break;
    case 'number':
      q.type = 'text';
      q.inputType = 'number';
      q.min = item.min;
      q.max = item.max;
      break;
    case 'text':
      q.type = 'comment';
      q.maxLength = item.max_len ?? 500;
      break;
    default:
      throw new Error(`${item.id}: no SurveyJS type for ${item.type}`);
  }
  if (item.required) q.isRequired = true;
  if (item.show_if) q.visibleIf = visibleIf(item.show_if);
  // Put "type" first, as SurveyJS's own examples do.
  return { type: q.type, ...q };
}

const survey = {
  locale: 'vi',
  title: text(poll.title),
  description: `${poll.place.commune} — ${poll.place.village}`,
  questionsOnPageMode: 'questionPerPage',
  elements: poll.items.map(question),
};
await writeFile(
  fileURLToPath(new URL('survey20.json', import.meta.url)),
  JSON.stringify(survey, null, 2) + '\n',
);
