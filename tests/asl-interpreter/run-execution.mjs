// Runs one execution of a state machine definition with aws-local-stepfunctions, an interpreter of the Amazon States
// Language written independently of this project. Every Task state is overridden by a call to the test's bridge
// (an HTTP endpoint of the C# test), which performs the task for real: the function binary through the Lambda Runtime
// API, the native DynamoDB and SNS integrations against DynamoDB Local and the local SNS endpoint. The interpreter does
// the rest: InputPath, Parameters (intrinsic functions included), ResultPath, OutputPath, Retry and Catch matching.
//
// Usage: node run-execution.mjs <job.json>
//   job: { definition, input, executionName, stateMachineArn, bridgeUrl, payloadLimitBytes }
// Prints one JSON object: { status, output | error+cause, states: [...], limitExceeded? }.
import { readFile } from 'node:fs/promises';
import { StateMachine, ExecutionError } from 'aws-local-stepfunctions';

const job = JSON.parse(await readFile(process.argv[2], 'utf8'));
const definition = job.definition;
const limit = job.payloadLimitBytes;

let execution;
let bridgeFailure = null;
const taskStates = Object.entries(definition.States).filter(([, state]) => state.Type === 'Task');

async function callBridge(stateName, resource, input) {
  const response = await fetch(job.bridgeUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ state: stateName, resource, input }),
  });
  if (!response.ok) {
    // The test's own double broke: not a task error a Catch may swallow. Stop the execution and say so.
    bridgeFailure ??= `bridge answered ${response.status} for ${stateName}: ${await response.text()}`;
    execution.abort();
    throw new Error(bridgeFailure);
  }
  const answer = await response.json();
  if (answer.error) {
    // Retry and Catch match on the error's name, as Step Functions matches the error a task reports.
    const failure = new Error(answer.cause ?? '');
    failure.name = answer.error;
    throw failure;
  }
  return answer.output;
}

// aws-local-stepfunctions 3.0.0 deletes every backslash from the string an intrinsic function returns
// (BaseIntrinsicFunction.call), which corrupts States.JsonToString of any value holding a quote or a newline, where
// Step Functions returns the value's JSON. Worked around for that one form: a Parameters field
// `"x.$": "States.JsonToString($.path)"` is rewritten to `"x.$": "$.path"`, and the task's handler turns the value
// into its compact JSON (JSON.stringify, as the intrinsic itself does) before the task sees it.
const jsonToString = /^States\.JsonToString\((\$[^()]*)\)$/;
function rewriteJsonToString(template, path, found) {
  if (template === null || typeof template !== 'object') return;
  for (const [key, value] of Object.entries(template)) {
    const match = key.endsWith('.$') && typeof value === 'string' ? value.match(jsonToString) : null;
    if (match) {
      template[key] = match[1];
      found.push([...path, key.slice(0, -2)]);
    } else {
      rewriteJsonToString(value, [...path, key.endsWith('.$') ? key.slice(0, -2) : key], found);
    }
  }
}
function stringifyAt(input, path) {
  const parent = path.slice(0, -1).reduce((node, key) => node?.[key], input);
  const key = path[path.length - 1];
  if (parent && key in parent) parent[key] = JSON.stringify(parent[key]);
}
const stringified = Object.fromEntries(taskStates.map(([name, state]) => {
  const found = [];
  rewriteJsonToString(state.Parameters, [], found);
  return [name, found];
}));

const handlers = Object.fromEntries(taskStates.map(([name, state]) => [name, (input) => {
  for (const path of stringified[name]) stringifyAt(input, path);
  return callBridge(name, state.Resource, input);
}]));
// Retry waits shortened to nothing: what is proven is which errors are retried and how often, not the clock.
const retryIntervals = Object.fromEntries(taskStates.filter(([, state]) => state.Retry?.length).map(([name, state]) => [name, state.Retry.map(() => 0)]));

const machine = new StateMachine(definition, { validationOptions: { checkArn: false } });
const started = new Date().toISOString();
execution = machine.run(job.input, {
  overrides: { taskResourceLocalHandlers: handlers, retryIntervalOverrides: retryIntervals },
  context: {
    Execution: { Id: `${job.stateMachineArn.replace(':stateMachine:', ':execution:')}:${job.executionName}`, Name: job.executionName, Input: job.input, StartTime: started },
    StateMachine: { Id: job.stateMachineArn, Name: job.stateMachineArn.split(':').pop() },
    // The interpreter does not fill $$.State; a fixed value (the start time) stands in for each state's entry time.
    State: { EnteredTime: started, Name: '', RetryCount: 0 },
  },
});

const size = (value) => (value === undefined ? 0 : Buffer.byteLength(JSON.stringify(value), 'utf8'));
const states = [];
// The raw input each state last entered with: a redrive restarts the failed state with it.
const enteredWith = {};
let failedState = null;
let limitExceeded = null;
const events = (async () => {
  for await (const event of execution.eventLogs) {
    if (!event.state) continue;
    const record = { event: event.type, state: event.state.name, inputBytes: size(event.state.input), outputBytes: size(event.state.output) };
    if (event.type === 'StateFailed' || event.type === 'StateCaught' || event.type === 'StateRetried') {
      record.error = event.Error ?? event.catch?.catcher?.ErrorEquals?.join(',');
    }
    if (event.type === 'StateRetried') record.attempt = event.retry.attempt;
    if (event.type === 'StateEntered') enteredWith[record.state] = event.state.input;
    if (event.type === 'StateFailed') failedState = record.state;
    if (event.type === 'StateCaught') failedState = null;
    states.push(record);
    // Step Functions fails a state whose input or output is over the payload quota (States.DataLimitExceeded, which no
    // Catch can handle); the interpreter does not, so the limit is checked here and the execution stopped.
    const over = [['input', record.inputBytes], ['output', record.outputBytes]].find(([, bytes]) => bytes > limit);
    if (over && !limitExceeded) {
      limitExceeded = { state: record.state, of: over[0], bytes: over[1] };
      execution.abort();
    }
  }
})();

let result;
try {
  result = { status: 'SUCCEEDED', output: await execution.result };
} catch (failure) {
  if (bridgeFailure) {
    result = { status: 'HARNESS_ERROR', error: 'BridgeFailure', cause: bridgeFailure };
  } else if (limitExceeded) {
    result = { status: 'FAILED', error: 'States.DataLimitExceeded', cause: `state ${limitExceeded.state}: ${limitExceeded.of} of ${limitExceeded.bytes} bytes is over ${limit}` };
  } else if (failure instanceof ExecutionError) {
    result = { status: 'FAILED', error: failure.cause?.name ?? failure.name, cause: failure.cause?.message ?? failure.message };
  } else {
    throw failure;
  }
}
await events.catch(() => {});
const failedStateInput = result.status === 'FAILED' && failedState ? enteredWith[failedState] : undefined;
process.stdout.write(JSON.stringify({ ...result, states, limitExceeded, failedState, failedStateInput }));
