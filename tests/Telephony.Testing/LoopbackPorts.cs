using System.Net;
using System.Net.Sockets;

namespace Telephony.Testing;

/// <summary>Free loopback ports, for silos that several test hosts in one process start side by side.</summary>
public static class LoopbackPorts
{
    // Below Linux's ephemeral range (32768-60999): a port the system hands out may be taken as the local end of an
    // outgoing connection between the check and the bind; one of these is not. Each process starts elsewhere in it.
    private const int First = 20_000;
    private const int Last = 32_000;
    private static int _next = First + (Environment.ProcessId % 1_000 * 12);

    /// <summary><paramref name="count"/> distinct ports that no other host of this process was given and that are free right now.</summary>
    public static int[] Take(int count)
    {
        var ports = new int[count];
        for (var i = 0; i < count; i++)
        {
            ports[i] = NextFree();
        }

        return ports;
    }

    private static int NextFree()
    {
        for (var attempt = 0; attempt < Last - First; attempt++)
        {
            var port = First + ((Interlocked.Increment(ref _next) - First) % (Last - First));
            if (IsFree(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"No free loopback port between {First} and {Last}.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
