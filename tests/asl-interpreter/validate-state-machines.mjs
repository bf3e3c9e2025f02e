// Validates every state machine definition in CloudFormation templates with asl-validator (the States Language's JSON
// schemas, JSONPath syntax and Resource ARNs). The template's DefinitionSubstitutions are filled with syntactically
// valid ARNs and names first, as CloudFormation fills them with real ones.
//
// Usage: node validate-state-machines.mjs <template.json>...   Exit code 1 on any finding, 2 if a template holds none.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const aslValidator = createRequire(import.meta.url)('asl-validator');
const placeholder = (name, value) => {
  const target = value?.['Fn::GetAtt']?.[0] ?? value?.Ref ?? name;
  if (/FunctionArn$/.test(name)) return `arn:aws:lambda:us-east-1:123456789012:function:${target}`;
  if (/TopicArn/.test(name)) return `arn:aws:sns:us-east-1:123456789012:${target}`;
  return target;
};

let checked = 0;
let failed = false;
for (const path of process.argv.slice(2)) {
  const template = JSON.parse(readFileSync(path, 'utf8'));
  for (const [id, resource] of Object.entries(template.Resources ?? {})) {
    if (resource.Type !== 'AWS::StepFunctions::StateMachine') continue;
    let text = resource.Properties.DefinitionString;
    if (typeof text !== 'string') {
      console.error(`${path} ${id}: DefinitionString is not a literal string; cannot validate it`);
      failed = true;
      continue;
    }
    for (const [name, value] of Object.entries(resource.Properties.DefinitionSubstitutions ?? {})) {
      text = text.replaceAll('${' + name + '}', placeholder(name, value));
    }
    const { isValid, errorsText } = aslValidator(JSON.parse(text));
    checked++;
    if (isValid) {
      console.log(`asl-validator: ${id} (${path}) valid`);
    } else {
      console.error(`asl-validator: ${id} (${path}) invalid: ${errorsText('\n  ')}`);
      failed = true;
    }
  }
}
if (checked === 0) {
  console.error('asl-validator: no state machine found in', process.argv.slice(2).join(' '));
  process.exit(2);
}
process.exit(failed ? 1 : 0);
