using System.Net;
using System.Net.Sockets;

namespace Telephony.Testing;

/// <summary>Free loopback ports, for silos that several test hosts in one process start side by side.</summary>
public static class LoopbackPorts
{
    /// <summary>
    /// <paramref name="count"/> distinct ports free right now (the listeners are held until all are chosen, so they
    /// differ); another process could take one before it is used, which on a test machine does not happen in practice.
    /// </summary>
    public static int[] Take(int count)
    {
        var listeners = new List<TcpListener>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
            }

            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }
}
