namespace Remittance.Cost.Metering;

/// <summary>Splits an update expression into names, placeholders and the punctuation its grammar uses.</summary>
public static class UpdateExpressionTokens
{
    private const string Punctuation = ",=+-().[]";

    public static List<string> Split(string expression)
    {
        var tokens = new List<string>();
        var start = -1;
        for (var i = 0; i <= expression.Length; i++)
        {
            var c = i < expression.Length ? expression[i] : ' ';
            var separator = char.IsWhiteSpace(c) || Punctuation.Contains(c, StringComparison.Ordinal);
            if (separator && start >= 0)
            {
                tokens.Add(expression[start..i]);
                start = -1;
            }

            if (!separator && start < 0)
            {
                start = i;
            }
            else if (separator && !char.IsWhiteSpace(c))
            {
                tokens.Add(c.ToString());
            }
        }

        return tokens;
    }
}
