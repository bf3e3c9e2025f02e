namespace Remittance.Local.Endpoints;

/// <summary>The status line's reason phrase for the few codes the local endpoints answer with; clients read only the code.</summary>
internal static class ReasonPhrases
{
    public static string For(int statusCode) => statusCode switch
    {
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status " + statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
