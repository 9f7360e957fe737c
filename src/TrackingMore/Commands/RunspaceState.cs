using System;
using System.Collections.Generic;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using TrackingMore.Api;
using TrackingMore.Models;

namespace TrackingMore.Commands
{
    /// <summary>What the module keeps for one connection: the client that holds its key, and what it has learnt.</summary>
    internal sealed class ConnectionState
    {
        public ConnectionState(ITrackingMoreClient client) => Client = client;

        /// <summary>The API as this connection speaks it; the cmdlets know it only by its interface.</summary>
        public ITrackingMoreClient Client { get; }

        /// <summary>
        /// The carriers of the last Get-TrackingCarrier on this connection, or null before it: Get-TrackingCarrier
        /// answers from it, and tab completion of carrier codes reads it without calling the API.
        /// </summary>
        public IReadOnlyList<Carrier>? CarrierCache { get; set; }

        /// <summary>Lets go of what this connection learnt (Disconnect-TrackingMore), so a held object keeps no memory.</summary>
        public void ReleaseCaches() => CarrierCache = null;

        /// <summary>Set by Disconnect-TrackingMore: the connection refuses every further use, wherever it is held.</summary>
        public bool Closed { get; set; }
    }

    /// <summary>
    /// The module's state, out of the objects users hold: each runspace's current connection (the last
    /// Connect-TrackingMore in it), and each connection's client and caches. Both tables hold weakly, so a closed
    /// runspace or a dropped connection takes its state with it.
    /// </summary>
    internal static class RunspaceState
    {
        private static readonly ConditionalWeakTable<Runspace, TrackingMoreConnection> CurrentByRunspace =
            new ConditionalWeakTable<Runspace, TrackingMoreConnection>();

        private static readonly ConditionalWeakTable<TrackingMoreConnection, ConnectionState> States =
            new ConditionalWeakTable<TrackingMoreConnection, ConnectionState>();

        /// <summary>Runspaces Disconnect-TrackingMore ran in, until their next Connect-TrackingMore: they do not connect from the environment.</summary>
        private static readonly ConditionalWeakTable<Runspace, object> DisconnectedRunspaces = new ConditionalWeakTable<Runspace, object>();

        /// <summary>
        /// A connection for <paramref name="settings"/>, with its client; it is nobody's current connection yet. The one
        /// place that names a concrete client (the v2 one): every cmdlet holds it as <see cref="ITrackingMoreClient"/>.
        /// </summary>
        public static TrackingMoreConnection Open(ConnectionSettings settings, string source)
        {
            var connection = new TrackingMoreConnection(settings, source, DateTimeOffset.Now);
            States.Add(connection, new ConnectionState(new TrackingMoreClient(settings)));
            return connection;
        }

        /// <summary>The state of a connection this module opened in this process, or null (one rebuilt from a job's output).</summary>
        public static ConnectionState? Of(TrackingMoreConnection connection) =>
            States.TryGetValue(connection, out var state) ? state : null;

        /// <summary>The connection of the runspace running the caller, or null.</summary>
        public static TrackingMoreConnection? Current
        {
            get
            {
                var runspace = Runspace.DefaultRunspace;
                return runspace != null && CurrentByRunspace.TryGetValue(runspace, out var connection) ? connection : null;
            }
            set
            {
                var runspace = Runspace.DefaultRunspace ?? throw new InvalidOperationException("No runspace is running this command.");
                CurrentByRunspace.Remove(runspace);
                if (value != null) CurrentByRunspace.Add(runspace, value);
            }
        }

        /// <summary>True after Disconnect-TrackingMore in the caller's runspace, until Connect-TrackingMore.</summary>
        public static bool Disconnected
        {
            get
            {
                var runspace = Runspace.DefaultRunspace;
                return runspace != null && DisconnectedRunspaces.TryGetValue(runspace, out _);
            }
            set
            {
                var runspace = Runspace.DefaultRunspace ?? throw new InvalidOperationException("No runspace is running this command.");
                DisconnectedRunspaces.Remove(runspace);
                if (value) DisconnectedRunspaces.Add(runspace, runspace);
            }
        }
    }
}
