using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace TrackingMore.Emulator;

/// <summary>
/// The emulator's loopback listeners: the primary one (--port) and, with --second-listener, another "host" on
/// 127.0.0.2 that redirect faults point at, so a test can see in the log whether a client carried its key there.
/// </summary>
internal sealed class Listeners
{
    private static readonly IPAddress SecondHost = IPAddress.Parse("127.0.0.2");

    private ListenOptions? _primary;
    private ListenOptions? _second;
    private IPEndPoint? _secondEndPoint;

    /// <summary>http://127.0.0.1:PORT/v2, known once the server has started.</summary>
    public string BaseUri { get; private set; } = "";

    /// <summary>The second listener's /v2 base, or null without --second-listener.</summary>
    public string? SecondBaseUri { get; private set; }

    public void Configure(KestrelServerOptions kestrel, EmulatorOptions options)
    {
        kestrel.Listen(IPAddress.Loopback, options.Port, listen => _primary = listen);
        if (options.SecondListener) kestrel.Listen(SecondAddress(), 0, listen => _second = listen);
    }

    /// <summary>Reads the bound ports (port 0 means "any free one" until Kestrel has bound it).</summary>
    public void Started()
    {
        BaseUri = V2Base(_primary!.IPEndPoint!);
        if (_second is null) return;
        _secondEndPoint = _second.IPEndPoint!;
        SecondBaseUri = V2Base(_secondEndPoint);
    }

    /// <summary>Whether the connection was accepted by the second listener.</summary>
    public bool IsSecond(ConnectionInfo connection) =>
        _secondEndPoint is { } second && connection.LocalPort == second.Port && second.Address.Equals(connection.LocalIpAddress);

    private static string V2Base(IPEndPoint endPoint) =>
        string.Create(CultureInfo.InvariantCulture, $"http://{endPoint.Address}:{endPoint.Port}/v2");

    /// <summary>127.0.0.2 where the system routes all of 127.0.0.0/8 to loopback (Linux); else 127.0.0.1 on another port.</summary>
    private static IPAddress SecondAddress()
    {
        try
        {
            using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            probe.Bind(new IPEndPoint(SecondHost, 0));
            return SecondHost;
        }
        catch (SocketException e)
        {
            Console.Error.WriteLine($"emulator: cannot bind 127.0.0.2 ({e.SocketErrorCode}); the second listener uses 127.0.0.1");
            return IPAddress.Loopback;
        }
    }
}
