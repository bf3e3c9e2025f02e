namespace Remittance.Local.Input;

/// <param name="Source">Where the body came from, e.g. <c>001-settled-usd.json</c> or <c>batch.jsonl:3</c>.</param>
/// <param name="Body">The SQS message body, verbatim.</param>
public sealed record InputMessage(string Source, string Body);
