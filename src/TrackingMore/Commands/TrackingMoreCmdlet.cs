using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TrackingMore.Api;

namespace TrackingMore.Commands
{
    /// <summary>
    /// Base of every cmdlet that calls the API. Owns the CancellationTokenSource that Ctrl+C (StopProcessing)
    /// cancels, finds the runspace's connection, and runs client calls while writing their Verbose messages on
    /// the pipeline thread, where PowerShell requires them.
    /// </summary>
    public abstract class TrackingMoreCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private TrackingMoreConnection? _connection;

        /// <summary>The runspace's connection; ends the command when there is none and none can be made from the environment.</summary>
        protected TrackingMoreConnection Connection => _connection ??= ConnectOrThrow();

        protected TrackingMoreClient Client => Connection.Client;

        protected override void StopProcessing() => _stopping.Cancel();

        public void Dispose()
        {
            _stopping.Dispose();
            GC.SuppressFinalize(this);
        }

        /// <summary>
        /// Runs one client call to its end. Verbose messages raised on pool threads are queued and written here;
        /// a stop ends the wait at once and surfaces as PipelineStoppedException.
        /// </summary>
        protected T Run<T>(Func<CallContext, Task<T>> call)
        {
            using var messages = new BlockingCollection<string>();
            var context = new CallContext(_stopping.Token, message =>
            {
                try { messages.Add(message); }
                catch (InvalidOperationException) { } // the call finished while this message was on its way
            });
            Task<T> task;
            try
            {
                task = call(context);
            }
            catch
            {
                messages.CompleteAdding();
                throw;
            }
            task.ContinueWith(_ => messages.CompleteAdding(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            foreach (var message in messages.GetConsumingEnumerable()) WriteVerbose(message);
            try
            {
                return task.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        protected void Run(Func<CallContext, Task> call) => Run(async context =>
        {
            await call(context).ConfigureAwait(false);
            return true;
        });

        /// <summary>
        /// Reports a failed call against its item. A bad key ends the command: every later call would fail the same way.
        /// </summary>
        protected void WriteApiError(TrackingMoreApiException failure, object? target)
        {
            var record = ErrorRecords.FromApi(failure, target);
            if (failure.IsAuthenticationFailure) ThrowTerminatingError(record);
            WriteError(record);
        }

        /// <summary>
        /// A failed request that carried several items is reported against each of them; a bad key still ends the
        /// command with one error.
        /// </summary>
        protected void WriteApiErrors(TrackingMoreApiException failure, IReadOnlyList<object> targets)
        {
            if (failure.IsAuthenticationFailure) ThrowTerminatingError(ErrorRecords.FromApi(failure, targets.Count > 0 ? targets[0] : null));
            foreach (var target in targets) WriteError(ErrorRecords.FromApi(failure, target));
        }

        /// <summary>Runs one call for one item and writes its answer (a list, item by item); a failure is reported against the item.</summary>
        protected void WriteAnswer<T>(object target, Func<CallContext, Task<T>> call)
        {
            try
            {
                WriteObject(Run(call), enumerateCollection: true);
            }
            catch (TrackingMoreApiException failure)
            {
                WriteApiError(failure, target);
            }
        }

        /// <summary>For commands that make one call and have nothing else to do: its failure ends the command.</summary>
        protected T RunOrThrow<T>(Func<CallContext, Task<T>> call)
        {
            try
            {
                return Run(call);
            }
            catch (TrackingMoreApiException failure)
            {
                ThrowTerminatingError(ErrorRecords.FromApi(failure, null));
                return default!; // ThrowTerminatingError does not return; the compiler cannot know
            }
        }

        /// <summary>An empty CSV cell or a blank parameter means "not given": it is not sent.</summary>
        protected static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

        private TrackingMoreConnection ConnectOrThrow()
        {
            var current = TrackingMoreConnection.Current;
            if (current != null) return current;
            // A runspace that never connected (ForEach-Object -Parallel, a scheduled job) connects from the environment.
            var implicitConnection = ConnectionFactory.FromEnvironment();
            if (implicitConnection == null) ThrowTerminatingError(ErrorRecords.NotConnected());
            TrackingMoreConnection.Current = implicitConnection;
            return implicitConnection!;
        }
    }
}
