using System.Net;
using System.Net.Sockets;

namespace Remittance.DynamoDbLocal.Processes;

/// <summary>
/// A port the OS says is free right now. Another process can take it before DynamoDB Local binds it, so the
/// caller retries on "address in use" rather than trusting this.
/// </summary>
internal static class FreePort
{
    public static int Next()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
