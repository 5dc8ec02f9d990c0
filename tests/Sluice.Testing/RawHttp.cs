using System.Net.Sockets;
using System.Text;

namespace Sluice.Testing;

/// <summary>
/// One HTTP/1.1 request written byte for byte on a socket: for request targets an <see cref="HttpClient"/> would
/// tidy up first (<c>//api/keys</c>, <c>/api/keys.</c>, <c>/api%2Fkeys</c>), which are exactly the ones an attacker sends.
/// </summary>
public static class RawHttp
{
    /// <returns>The status code, and the whole answer as text (head and body).</returns>
    public static async Task<(int Status, string Response)> SendAsync(
        Uri server, string method, string target, IEnumerable<string>? headers = null, string? body = null)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        var stream = tcp.GetStream();
        var head = new StringBuilder($"{method} {target} HTTP/1.1\r\nHost: {server.Authority}\r\nConnection: close\r\n");
        foreach (var header in headers ?? [])
        {
            head.Append(header).Append("\r\n");
        }

        var content = Encoding.UTF8.GetBytes(body ?? "");
        if (body is not null)
        {
            head.Append("Content-Length: ").Append(content.Length).Append("\r\n");
        }

        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
        await stream.WriteAsync(content);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync(deadline.Token);
        var status = int.Parse(response.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);
        return (status, response);
    }
}
