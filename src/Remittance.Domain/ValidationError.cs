namespace Remittance.Domain;

/// <summary>One reason a message was refused.</summary>
/// <param name="Field">Where: <c>requestId</c>, <c>payee.country</c>, <c>invoiceIds[3]</c>, or <c>$</c> for the whole body.</param>
/// <param name="Code">A stable upper-snake code from <see cref="ErrorCodes"/>, for machines.</param>
/// <param name="Message">For people: says what is wrong and quotes the offending value (shortened), never the whole body.</param>
public sealed record ValidationError(string Field, string Code, string Message);
