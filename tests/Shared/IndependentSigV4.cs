using System.Security.Cryptography;
using System.Text;

namespace Remittance.Tests.Shared;

/// <summary>
/// SigV4 written from the documented algorithm (canonical request → string to sign → HMAC key chain), with no
/// code from the SDK, to check the signature the client sent.
/// </summary>
internal static class IndependentSigV4
{
    public static string Signature(
        CapturedRequest request,
        string signedHeaders,
        string accessSecret,
        string region,
        string service)
    {
        var amzDate = request.Header("X-Amz-Date")!;
        var date = amzDate[..8];
        var canonicalHeaders = new StringBuilder();
        foreach (var name in signedHeaders.Split(';'))
        {
            var value = name == "content-type" ? request.ContentType : request.Header(name);
            canonicalHeaders.Append(name).Append(':').Append(value!.Trim()).Append('\n');
        }

        var canonicalRequest = string.Join('\n',
            request.Method.Method,
            request.Uri.AbsolutePath,
            request.Uri.Query.TrimStart('?'),
            canonicalHeaders.ToString(),
            signedHeaders,
            Hex(SHA256.HashData(request.Body)));
        var scope = $"{date}/{region}/{service}/aws4_request";
        var stringToSign = string.Join('\n', "AWS4-HMAC-SHA256", amzDate, scope, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));

        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + accessSecret), date);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        return Hex(Hmac(key, stringToSign));
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
