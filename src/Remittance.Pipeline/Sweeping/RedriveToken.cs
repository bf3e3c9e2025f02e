using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Remittance.Pipeline.Sweeping;

/// <summary>
/// RedriveExecution's client token for a claimed attempt: deterministic, so a retried or resumed redrive of the same
/// claim is the same request to Step Functions and never redrives twice. At most 64 characters, as the API requires.
/// </summary>
public static class RedriveToken
{
    public static string For(string requestId, int attempt) =>
        "redrive-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            requestId + "\n" + attempt.ToString(CultureInfo.InvariantCulture))))[..40];
}
